package id.qutab.commerce.payments;

import java.time.Instant;
import java.util.UUID;

/** {@code {paymentId, provider, paymentUrl, status, expiresAt}} of API.md, plus amounts and how it was paid. */
public record PaymentView(UUID paymentId, UUID orderId, String provider, String paymentUrl, PaymentStatus status,
                          long amount, Instant expiresAt, Long paidAmount, Instant paidAt, String paymentMethod,
                          String paymentChannel, String providerInvoiceId, String flag, Instant createdAt) {

    public static PaymentView of(Payment p) {
        return new PaymentView(p.id, p.orderId, p.provider, p.paymentUrl, p.status, p.amount, p.expiresAt, p.paidAmount,
                p.paidAt, p.paymentMethod, p.paymentChannel, p.providerInvoiceId, p.flag, p.createdAt);
    }
}
