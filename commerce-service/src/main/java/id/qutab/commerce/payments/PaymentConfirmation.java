package id.qutab.commerce.payments;

import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderLifecycle;
import id.qutab.commerce.orders.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Applies what the provider says about an invoice (a verified callback or a status query) to the payment and
 * its order. Callers hold the order's row lock. Applying the same news twice changes nothing; an EXPIRED after
 * PAID changes nothing; a paid amount other than the order total is not a payment (flagged for admins).
 */
@ApplicationScoped
public class PaymentConfirmation {

    private static final Logger LOG = Logger.getLogger(PaymentConfirmation.class);

    public enum Outcome {
        /** The order is now PAID. */
        ORDER_PAID,
        /** This payment was already recorded as paid. */
        ALREADY_PAID,
        /** Paid, but not the order total: payment AMOUNT_MISMATCH, order unchanged, flagged. */
        AMOUNT_MISMATCH,
        /** Paid after the order was cancelled or expired: flagged for a manual refund. */
        PAID_AFTER_CLOSE,
        /** Paid while another payment had already paid the order: flagged for a manual refund. */
        PAID_TWICE,
        /** The invoice expired; the payment is closed (the order's own deadline is the expiry job's). */
        PAYMENT_EXPIRED,
        /** News older than what we know (e.g. EXPIRED after PAID): ignored. */
        STALE,
        /** A status that means nothing to us (PENDING): ignored. */
        IGNORED
    }

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    PaymentProvider provider;

    @Inject
    EntityManager em;

    /**
     * Before an unpaid order is closed (cancel, expiry), the provider is asked about each of its open
     * invoices, because a lost callback must not close a paid order; an invoice still open is expired there
     * first, so it can no longer be paid. Throws {@link PaymentProviderException} when the provider cannot be
     * asked: then the caller must not close the order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settleOpenInvoices(Order order) {
        for (Payment payment : Payment.of(order.id)) {
            if (payment.status != PaymentStatus.PENDING) {
                continue;
            }
            // Locked: a creation under way stores its invoice id under this lock, so it waits for our verdict.
            em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(payment);
            if (payment.status != PaymentStatus.PENDING) {
                continue;
            }
            if (payment.providerInvoiceId == null) {
                // A claim whose invoice id we never got: the provider knows it by our external_id, if it exists.
                PaymentProvider.ProviderInvoice made = provider.findByExternalId(payment.id).orElse(null);
                if (made == null) {
                    // Nothing to pay at the provider (yet): the claim is closed; a creation still under way
                    // finds it closed and expires what it made (Payments).
                    payment.status = PaymentStatus.EXPIRED;
                    payment.updatedAt = Instant.now();
                    continue;
                }
                payment.providerInvoiceId = made.id();
                payment.paymentUrl = made.invoiceUrl();
            }
            PaymentProvider.ProviderInvoice invoice = provider.getInvoice(payment.providerInvoiceId);
            if (!invoice.paid() && !invoice.expired()) {
                invoice = provider.expireInvoice(payment.providerInvoiceId);
            }
            apply(order, payment, invoice, "STATUS_QUERY");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome apply(Order order, Payment payment, PaymentProvider.ProviderInvoice invoice, String via) {
        Instant now = Instant.now();
        if (invoice.paid()) {
            if (payment.status == PaymentStatus.PAID || payment.status == PaymentStatus.AMOUNT_MISMATCH) {
                return payment.status == PaymentStatus.PAID ? Outcome.ALREADY_PAID : Outcome.STALE;
            }
            BigDecimal settled = invoice.settledAmount();
            payment.paidAt = invoice.paidAt() == null ? now : invoice.paidAt();
            payment.paymentMethod = invoice.paymentMethod();
            payment.paymentChannel = invoice.paymentChannel();
            payment.paidAmount = settled == null ? null : settled.longValue();
            payment.confirmedBy = via;
            payment.updatedAt = now;
            boolean exact = settled != null && settled.compareTo(BigDecimal.valueOf(order.total)) == 0
                    && (invoice.currency() == null || "IDR".equalsIgnoreCase(invoice.currency()));
            if (!exact) {
                payment.status = PaymentStatus.AMOUNT_MISMATCH;
                payment.flag = Payment.FLAG_AMOUNT_MISMATCH;
                LOG.warnf("payment %s of order %s: paid %s %s, expected %d IDR; flagged", payment.id, order.number,
                        settled, invoice.currency(), order.total);
                return Outcome.AMOUNT_MISMATCH;
            }
            payment.status = PaymentStatus.PAID;
            if (order.status == OrderStatus.PENDING_PAYMENT) {
                lifecycle.markPaid(order, payment.paidAt, payment.id, payment.paymentMethod,
                        "CALLBACK".equals(via) ? "zendit" : "system");
                return Outcome.ORDER_PAID;
            }
            if (order.status.isPaidOrLater()) {
                payment.flag = Payment.FLAG_PAID_TWICE;
                LOG.warnf("payment %s paid order %s, which another payment had already paid; flagged", payment.id,
                        order.number);
                return Outcome.PAID_TWICE;
            }
            payment.flag = Payment.FLAG_PAID_AFTER_CLOSE;
            LOG.warnf("payment %s paid order %s after it was %s; flagged for refund", payment.id, order.number,
                    order.status);
            return Outcome.PAID_AFTER_CLOSE;
        }
        if (invoice.expired()) {
            if (payment.status != PaymentStatus.PENDING) {
                return Outcome.STALE;
            }
            payment.status = PaymentStatus.EXPIRED;
            payment.updatedAt = now;
            return Outcome.PAYMENT_EXPIRED;
        }
        return Outcome.IGNORED;
    }
}
