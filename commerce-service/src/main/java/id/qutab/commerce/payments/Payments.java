package id.qutab.commerce.payments;

import id.qutab.commerce.customers.Customer;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.commerce.payments.zendit.ZenditConfig;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Opens the payment of an order: one open invoice at a time. Asking again while it is open returns the same
 * payment. The order's row lock is held while the provider creates the invoice, so two clicks cannot open two
 * invoices; the provider call is bounded by the REST client's timeouts.
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

    public record Opened(PaymentView payment, boolean created) {
    }

    @Transactional
    public Opened open(UUID userId, UUID orderId) {
        Order order = Order.lock(orderId).filter(o -> o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
        if (order.status != OrderStatus.PENDING_PAYMENT) {
            throw ProblemException.conflict("order-not-payable", "Only an order waiting for payment can be paid; this one is "
                    + order.status + ".");
        }
        Payment pending = Payment.pendingOf(orderId).orElse(null);
        if (pending != null) {
            return new Opened(PaymentView.of(pending), false);
        }
        Instant now = Instant.now();
        Duration validFor = Duration.between(now, order.paymentDueAt);
        if (validFor.compareTo(MIN_VALIDITY) < 0) {
            throw ProblemException.conflict("payment-window-passed", "The time to pay this order has passed.");
        }
        if (order.total <= 0) {
            throw ProblemException.rule("nothing-to-pay", "This order has nothing to pay; an admin confirms it.");
        }
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.orderId = order.id;
        payment.provider = provider.name();
        payment.amount = order.total;
        PaymentProvider.ProviderInvoice invoice;
        try {
            invoice = provider.createInvoice(new PaymentProvider.InvoiceRequest(payment.id, order.total,
                    Customer.<Customer>findByIdOptional(userId).map(c -> c.email).orElse(null),
                    "Qutab " + order.number, validFor,
                    zendit.successRedirectUrl().replace("{orderId}", order.id.toString()),
                    zendit.failureRedirectUrl().replace("{orderId}", order.id.toString()),
                    // One item per line at what is paid for it, so the items add up to the invoice amount.
                    order.lines.stream().map(l -> new PaymentProvider.Item(
                            l.quantity == 1 ? l.productName : l.productName + " × " + l.quantity, 1, l.paidAmount,
                            l.category.name())).toList()));
        } catch (PaymentProviderException e) {
            LOG.errorf("order %s: the payment provider refused or failed to create an invoice: %s", order.number,
                    e.getMessage());
            throw new ProblemException(Problem.of(502, "payment-provider-unavailable", "Bad gateway",
                    "The payment provider is not available right now. Please try again."));
        }
        payment.providerInvoiceId = invoice.id();
        payment.paymentUrl = invoice.invoiceUrl();
        payment.expiresAt = invoice.expiresAt() == null ? order.paymentDueAt : invoice.expiresAt();
        payment.status = PaymentStatus.PENDING;
        payment.createdAt = now;
        payment.updatedAt = now;
        payment.persist();
        return new Opened(PaymentView.of(payment), true);
    }

    @Transactional
    public PaymentView current(UUID orderId, UUID userId, boolean admin) {
        Order order = Order.<Order>findByIdOptional(orderId).filter(o -> admin || o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
        return Payment.latestOf(order.id).map(PaymentView::of).orElseThrow(() -> ProblemException.notFound("Payment"));
    }
}
