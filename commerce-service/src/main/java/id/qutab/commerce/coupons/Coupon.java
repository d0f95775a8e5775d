package id.qutab.commerce.coupons;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A discount code. {@code used} counts the redemptions held by live orders; it is raised only by the
 * conditional update in {@link CouponRedemption}, so the usage limit holds under concurrency.
 */
@Entity
@Table(name = "coupon")
public class Coupon extends PanacheEntityBase {

    public enum DiscountType { PERCENT, FIXED }

    @Id
    public UUID id;

    public String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type")
    public DiscountType discountType;

    @Column(name = "discount_value")
    public long discountValue;

    @Column(name = "min_purchase")
    public Long minPurchase;

    @Column(name = "max_discount")
    public Long maxDiscount;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "usage_limit")
    public Integer usageLimit;

    @Column(name = "per_customer_limit")
    public Integer perCustomerLimit;

    public int used;

    @Column(name = "affiliate_id")
    public UUID affiliateId;

    /** A coupon issued by a loyalty reward belongs to one customer: for anyone else it does not exist. */
    @Column(name = "owner_user_id")
    public UUID ownerUserId;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Codes are case-insensitive: stored and looked up upper-case. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** {@link #byCode}, but a coupon owned by someone else is not found. */
    public static Optional<Coupon> usableBy(String code, UUID userId) {
        return byCode(code).filter(c -> c.ownerUserId == null || c.ownerUserId.equals(userId));
    }

    public static Optional<Coupon> byCode(String code) {
        String normalized = normalize(code);
        return normalized == null || normalized.isEmpty() ? Optional.empty()
                : find("code", normalized).firstResultOptional();
    }
}
