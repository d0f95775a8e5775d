package id.qutab.commerce.coupons;

import java.time.Instant;
import java.util.UUID;

public record CouponView(UUID id, String code, Coupon.DiscountType discountType, long discountValue, Long minPurchase,
                         Long maxDiscount, Instant validFrom, Instant validUntil, Integer usageLimit,
                         Integer perCustomerLimit, int used, UUID affiliateId, UUID ownerUserId, boolean active, Instant createdAt,
                         Instant updatedAt) {

    public static CouponView of(Coupon c) {
        return new CouponView(c.id, c.code, c.discountType, c.discountValue, c.minPurchase, c.maxDiscount, c.validFrom,
                c.validUntil, c.usageLimit, c.perCustomerLimit, c.used, c.affiliateId, c.ownerUserId, c.active, c.createdAt,
                c.updatedAt);
    }
}
