package id.qutab.commerce.payments.zendit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.qutab.commerce.payments.PaymentProvider;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An invoice as Zendit returns it, and the body of its callbacks (same fields). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZenditInvoice(
        String id,
        @JsonProperty("external_id") String externalId,
        String status,
        BigDecimal amount,
        @JsonProperty("paid_amount") BigDecimal paidAmount,
        String currency,
        @JsonProperty("invoice_url") String invoiceUrl,
        @JsonProperty("expiry_date") OffsetDateTime expiryDate,
        @JsonProperty("paid_at") OffsetDateTime paidAt,
        @JsonProperty("payment_method") String paymentMethod,
        @JsonProperty("payment_channel") String paymentChannel) {

    public PaymentProvider.ProviderInvoice toProviderInvoice() {
        return new PaymentProvider.ProviderInvoice(id, externalId, status == null ? null : status.toUpperCase(),
                amount, paidAmount, currency, invoiceUrl,
                expiryDate == null ? null : expiryDate.toInstant(), paidAt == null ? null : paidAt.toInstant(),
                paymentMethod, paymentChannel);
    }
}
