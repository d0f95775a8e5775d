package id.qutab.commerce.payments;

import id.qutab.commerce.orders.Order;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Processes an authenticated callback: records it verbatim, finds the payment, and under the order's row lock
 * applies it once. The first callback for an (invoice, status) pair takes the dedupe key; a replay, concurrent
 * or later, finds it taken and changes nothing but the audit trail.
 */
@ApplicationScoped
public class PaymentCallbacks {

    public static final String MALFORMED = "MALFORMED";
    public static final String UNKNOWN_INVOICE = "UNKNOWN_INVOICE";
    public static final String DUPLICATE = "DUPLICATE";

    @Inject
    EntityManager em;

    @Inject
    PaymentConfirmation confirmation;

    /** {@code invoice} is null when the body could not be read as a callback. */
    @Transactional
    public String handle(String provider, String rawBody, PaymentProvider.ProviderInvoice invoice) {
        PaymentCallback audit = new PaymentCallback();
        audit.id = UUID.randomUUID();
        audit.provider = provider;
        audit.rawBody = rawBody;
        audit.receivedAt = Instant.now();
        if (invoice == null || invoice.id() == null || invoice.status() == null) {
            audit.outcome = MALFORMED;
            audit.persist();
            return MALFORMED;
        }
        audit.providerInvoiceId = invoice.id();
        audit.externalId = invoice.externalId();
        audit.status = invoice.status();
        Payment found = Payment.byInvoice(provider, invoice.id())
                .or(() -> Payment.byExternalId(provider, invoice.externalId(), invoice.id())).orElse(null);
        if (found == null) {
            audit.outcome = UNKNOWN_INVOICE;
            audit.persist();
            return UNKNOWN_INVOICE;
        }
        audit.paymentId = found.id;
        Order order = Order.lock(found.orderId).orElseThrow();
        Payment payment = em.find(Payment.class, found.id, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment); // another callback may have changed it while we waited for the order's lock
        if (payment.providerInvoiceId == null) {
            // matched by external_id: the creation's answer never got stored; now we know the invoice
            payment.providerInvoiceId = invoice.id();
            payment.paymentUrl = invoice.invoiceUrl();
        } else if (!payment.providerInvoiceId.equals(invoice.id())) {
            audit.outcome = UNKNOWN_INVOICE;
            audit.persist();
            return UNKNOWN_INVOICE;
        }
        String key = provider + ":" + invoice.id() + ":" + normalizedStatus(invoice);
        if (PaymentCallback.count("dedupeKey", key) > 0) {
            audit.outcome = DUPLICATE;
            audit.persist();
            return DUPLICATE;
        }
        PaymentConfirmation.Outcome outcome = confirmation.apply(order, payment, invoice, "CALLBACK");
        audit.dedupeKey = key;
        audit.outcome = outcome.name();
        audit.persist();
        return outcome.name();
    }

    private static String normalizedStatus(PaymentProvider.ProviderInvoice invoice) {
        return invoice.paid() ? "PAID" : invoice.status();
    }
}
