package id.qutab.commerce.payments;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One invoice at the provider for an order. Our id is the invoice's {@code external_id}. Recorded (PENDING,
 * no invoice id yet) before the provider is asked to create the invoice: that row is the order's claim on its
 * one open invoice. {@code @DynamicUpdate}: saving writes only what changed, so a stale copy cannot erase the
 * invoice id stored meanwhile.
 */
@Entity
@Table(name = "payment")
@org.hibernate.annotations.DynamicUpdate
public class Payment extends PanacheEntityBase {

    public static final String FLAG_AMOUNT_MISMATCH = "AMOUNT_MISMATCH";
    public static final String FLAG_PAID_AFTER_CLOSE = "PAID_AFTER_CLOSE";
    public static final String FLAG_PAID_TWICE = "PAID_TWICE";

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    public String provider;

    @Column(name = "provider_invoice_id")
    public String providerInvoiceId;

    @Enumerated(EnumType.STRING)
    public PaymentStatus status;

    public long amount;

    @Column(name = "payment_url")
    public String paymentUrl;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "paid_amount")
    public Long paidAmount;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "payment_method")
    public String paymentMethod;

    @Column(name = "payment_channel")
    public String paymentChannel;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    public String flag;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Optional<Payment> pendingOf(UUID orderId) {
        return find("orderId = ?1 and status = ?2", orderId, PaymentStatus.PENDING).firstResultOptional();
    }

    public static Optional<Payment> latestOf(UUID orderId) {
        return find("orderId", Sort.descending("createdAt").and("id"), orderId).firstResultOptional();
    }

    public static List<Payment> of(UUID orderId) {
        return list("orderId", Sort.ascending("createdAt").and("id"), orderId);
    }

    public static Optional<Payment> byInvoice(String provider, String invoiceId) {
        return find("provider = ?1 and providerInvoiceId = ?2", provider, invoiceId).firstResultOptional();
    }

    /**
     * By the {@code external_id} we sent (our payment id), when the invoice id was never stored (the provider's
     * answer to the creation was lost, or its callback came first). Not when the payment has another invoice.
     */
    public static Optional<Payment> byExternalId(String provider, String externalId, String invoiceId) {
        UUID id;
        try {
            id = externalId == null ? null : UUID.fromString(externalId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return id == null ? Optional.empty() : Payment.<Payment>findByIdOptional(id)
                .filter(p -> p.provider.equals(provider))
                .filter(p -> p.providerInvoiceId == null || p.providerInvoiceId.equals(invoiceId));
    }
}
