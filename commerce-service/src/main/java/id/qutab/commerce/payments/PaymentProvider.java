package id.qutab.commerce.payments;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hosted-invoice payment gateway (Zendit today; Midtrans could follow behind the same interface).
 * Implementations throw {@link PaymentProviderException} and nothing else.
 */
public interface PaymentProvider {

    /** Short name stored with each payment ({@code zendit}). */
    String name();

    /** Creates the invoice; {@code paymentId} is the idempotency key, so a retried create returns the same invoice. */
    ProviderInvoice createInvoice(InvoiceRequest request);

    ProviderInvoice getInvoice(String invoiceId);

    ProviderInvoice expireInvoice(String invoiceId);

    /**
     * The invoice created for our payment id ({@code external_id}), if any: how a payment whose creation answer
     * never reached us learns its invoice. Safe to repeat (retried like {@link #getInvoice}).
     */
    java.util.Optional<ProviderInvoice> findByExternalId(UUID paymentId);

    record InvoiceRequest(UUID paymentId, long amount, String payerEmail, String description, Duration validFor,
                          String successRedirectUrl, String failureRedirectUrl, List<Item> items) {
    }

    record Item(String name, int quantity, long price, String category) {
    }

    /** The provider's view of an invoice. {@code status}: PENDING, PAID (SETTLED counts as PAID) or EXPIRED. */
    record ProviderInvoice(String id, String externalId, String status, BigDecimal amount, BigDecimal paidAmount,
                           String currency, String invoiceUrl, Instant expiresAt, Instant paidAt,
                           String paymentMethod, String paymentChannel) {

        public boolean paid() {
            return "PAID".equals(status) || "SETTLED".equals(status);
        }

        public boolean expired() {
            return "EXPIRED".equals(status);
        }

        /** What was paid: {@code paid_amount}, or the invoice amount when the provider did not say. */
        public BigDecimal settledAmount() {
            return paidAmount != null ? paidAmount : amount;
        }
    }
}
