package id.qutab.affiliate.commissions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** What an affiliate earns on one attributed, paid order. */
@Entity
@Table(name = "commission")
public class Commission extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false)
    public UUID affiliateId;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(nullable = false)
    public long amount;

    @Column(name = "rate_bps", nullable = false)
    public int rateBps;

    @Column(name = "tier_bonus_bps", nullable = false)
    public int tierBonusBps;

    @Column(name = "sales_amount", nullable = false)
    public long salesAmount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommissionStatus status;

    @Column(name = "paid_at", nullable = false)
    public Instant paidAt;

    @Column(name = "order_completed_at")
    public Instant orderCompletedAt;

    @Column(name = "available_at")
    public Instant availableAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "voided_reason")
    public String voidedReason;

    @Column(name = "payout_id")
    public UUID payoutId;

    @Column(name = "paid_out_at")
    public Instant paidOutAt;

    @Column(name = "clawback_at")
    public Instant clawbackAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The commission of an order has an id derived from the order id: any fact about it (a payout naming it, a
     * refund) can arrive before or after it was created, and a redelivered creation finds the same row.
     */
    public static UUID idFor(UUID orderId) {
        return UUID.nameUUIDFromBytes(("qutab-commission:" + orderId).getBytes(StandardCharsets.UTF_8));
    }

    /** Counted in conversions, sales and commission of daily_stats: neither voided nor clawed back. */
    public boolean counted() {
        return voidedAt == null && clawbackAt == null;
    }
}
