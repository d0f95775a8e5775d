package id.qutab.affiliate.attribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything the {@code commerce.order.*} events told us about one order, merged in whatever order they came,
 * plus the attribution decision (made once). Leads and commissions are derived from these facts, so the same
 * set of events gives the same result in any order.
 */
@Entity
@Table(name = "tracked_order")
public class TrackedOrder extends PanacheEntityBase {

    public enum CloseType { CANCELLED, EXPIRED, REFUNDED }

    public enum Outcome { AFFILIATE, SELF_REFERRAL, NONE }

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "order_number")
    public String orderNumber;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "referral_code")
    public String referralCode;

    @Column(name = "click_id")
    public String clickId;

    @Column(name = "coupon_code")
    public String couponCode;

    @Column(name = "coupon_affiliate_id")
    public UUID couponAffiliateId;

    @Column(name = "referral_affiliate_id")
    public UUID referralAffiliateId;

    @Column(name = "attribution_known", nullable = false)
    public boolean attributionKnown;

    @Column(name = "created_at")
    public Instant createdAt;

    public Long total;

    @Column(name = "paid_at")
    public Instant paidAt;

    public Long subtotal;

    public Long discount;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "close_type")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public CloseType closeType;

    @Column(name = "close_reason")
    public String closeReason;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Outcome outcome;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "affiliate_id")
    public UUID affiliateId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Lead.Source source;

    @Column(name = "commission_decided", nullable = false)
    public boolean commissionDecided;

    @Column(name = "commission_skipped")
    public String commissionSkipped;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean paid() {
        return paidAt != null;
    }

    public boolean closed() {
        return closedAt != null;
    }

    /** Human-readable reason a commission of this order was voided or clawed back. */
    public String closeDescription() {
        String what = "order " + closeType.name().toLowerCase(java.util.Locale.ROOT);
        return closeReason == null ? what : what + ": " + closeReason;
    }
}
