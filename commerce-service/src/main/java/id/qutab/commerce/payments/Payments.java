package id.qutab.commerce.payments;

import id.qutab.commerce.customers.Customer;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.commerce.payments.zendit.ZenditConfig;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens the payment of an order: one open invoice at a time; asking again while it is open returns the same
 * payment. Three steps, so that no lock, transaction or pooled connection is held while the provider works
 * (up to its timeouts):
 * <ol>
 *   <li>a short transaction under the order's row lock records the payment (PENDING, no invoice yet). That row
 *   is the claim: the partial unique index allows one PENDING payment per order, and a second request finds it;</li>
 *   <li>outside any transaction, the provider creates the invoice with our payment id as {@code external_id}
 *   and idempotency key: a second request that finds a claim without an invoice asks again with the same key
 *   and gets the same invoice, never a second one;</li>
 *   <li>a second short transaction stores the invoice id and URL on the payment. If it never happens (crash,
 *   failed commit, lost answer), callbacks still find the payment by {@code external_id}, and the next request
 *   or the cancel/expiry check ({@link PaymentConfirmation#settleOpenInvoices}) finds the invoice by it.</li>
 * </ol>
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);
    /** An invoice shorter than this is not worth opening: the order is about to expire. */
    static final Duration MIN_VALIDITY = Duration.ofMinutes(1);

    @Inject
    PaymentProvider provider;

    @Inject
    ZenditConfig zendit;

    @Inject
    EntityManager em;

    public record Opened(PaymentView payment, boolean created) {
    }

    /** What the first transaction decided: a payment to show as it is, or a claim to create at the provider. */
    record Claim(PaymentView ready, UUID paymentId, boolean fresh, PaymentProvider.InvoiceRequest request) {
    }

    record Stored(PaymentView payment, boolean closed) {
    }

    public Opened open(UUID userId, UUID orderId) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(userId, orderId));
        if (claim.ready() != null) {
            return new Opened(claim.ready(), false);
        }
        PaymentProvider.ProviderInvoice invoice;
        try {
            invoice = provider.createInvoice(claim.request());
        } catch (PaymentProviderException e) {
            LOG.errorf("payment %s: the payment provider refused or failed to create an invoice: %s", claim.paymentId(),
                    e.getMessage());
            if (e.rejected() && e.status() != 409) {
                // Refused outright, so nothing was created: a retry starts from a fresh claim. Otherwise (timeout,
                // 5xx, 409 on the key) the invoice may exist and the claim stays, to be asked again by its key.
                QuarkusTransaction.requiringNew().run(() -> Sql.update(em,
                        "DELETE FROM payment WHERE id = ?1 AND provider_invoice_id IS NULL AND status = 'PENDING'",
                        claim.paymentId()));
            }
            throw new ProblemException(Problem.of(502, "payment-provider-unavailable", "Bad gateway",
                    "The payment provider is not available right now. Please try again."));
        }
        Stored stored = QuarkusTransaction.requiringNew().call(() -> store(claim.paymentId(), invoice));
        if (stored.closed()) {
            // The order was cancelled or expired while the invoice was being created: it must not stay payable.
            if (!invoice.paid()) {
                try {
                    provider.expireInvoice(invoice.id());
                } catch (PaymentProviderException e) {
                    LOG.warnf("invoice %s of closed payment %s could not be expired (%s); a payment on it is flagged",
                            invoice.id(), claim.paymentId(), e.getMessage());
                }
            }
            throw ProblemException.conflict("order-not-payable",
                    "The order was closed while its payment was being opened.");
        }
        return new Opened(stored.payment(), claim.fresh());
    }

    Claim claim(UUID userId, UUID orderId) {
        Order order = Order.lock(orderId).filter(o -> o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            throw ProblemException.conflict("order-not-payable", "Only an order waiting for payment can be paid; this one is "
                    + order.status + ".");
        }
        Payment payment = Payment.pendingOf(orderId).orElse(null);
        if (payment != null && payment.providerInvoiceId != null) {
            return new Claim(PaymentView.of(payment), payment.id, false, null);
        }
        Instant now = Instant.now();
        Duration validFor = Duration.between(now, order.paymentDueAt);
        boolean fresh = payment == null;
        if (fresh) {
            if (validFor.compareTo(MIN_VALIDITY) < 0) {
                throw ProblemException.conflict("payment-window-passed", "The time to pay this order has passed.");
            }
            if (order.total <= 0) {
                throw ProblemException.rule("nothing-to-pay", "This order has nothing to pay.");
            }
            payment = new Payment();
            payment.id = UUID.randomUUID();
            payment.orderId = order.id;
            payment.provider = provider.name();
            payment.amount = order.total;
            payment.status = PaymentStatus.PENDING;
            payment.expiresAt = order.paymentDueAt;
            payment.createdAt = now;
            payment.updatedAt = now;
            payment.persist();
        }
        // else: the claim of an earlier or concurrent request whose invoice we do not know: the same payment id is
        // the idempotency key, so the provider answers with the invoice it made for it (or makes it now).
        return new Claim(null, payment.id, fresh, new PaymentProvider.InvoiceRequest(payment.id, payment.amount,
                Customer.<Customer>findByIdOptional(userId).map(c -> c.email).orElse(null),
                "Qutab " + order.number, validFor.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : validFor,
                zendit.successRedirectUrl().replace("{orderId}", order.id.toString()),
                zendit.failureRedirectUrl().replace("{orderId}", order.id.toString()),
                // One item per line at what is paid for it, so the items add up to the invoice amount.
                order.lines.stream().map(l -> new PaymentProvider.Item(
                        l.quantity == 1 ? l.productName : l.productName + " × " + l.quantity, 1, l.paidAmount,
                        l.category.name())).toList()));
    }

    /** Under the payment's row lock (which the cancel/expiry check also takes), never the order's. */
    Stored store(UUID paymentId, PaymentProvider.ProviderInvoice invoice) {
        Payment payment = em.find(Payment.class, paymentId, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null) {
            return new Stored(null, true);
        }
        if (payment.providerInvoiceId == null) {
            payment.providerInvoiceId = invoice.id();
            if (invoice.expiresAt() != null) {
                payment.expiresAt = invoice.expiresAt();
            }
            payment.updatedAt = Instant.now();
        } else if (!payment.providerInvoiceId.equals(invoice.id())) {
            LOG.errorf("payment %s: the provider answered invoice %s, but %s is recorded", paymentId, invoice.id(),
                    payment.providerInvoiceId);
        }
        if (payment.paymentUrl == null) {
            payment.paymentUrl = invoice.invoiceUrl();
        }
        return new Stored(PaymentView.of(payment), payment.status == PaymentStatus.EXPIRED);
    }

    @Transactional
    public PaymentView current(UUID orderId, UUID userId, boolean admin) {
        Order order = Order.<Order>findByIdOptional(orderId).filter(o -> admin || o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
        return Payment.latestOf(order.id).map(PaymentView::of).orElseThrow(() -> ProblemException.notFound("Payment"));
    }
}
