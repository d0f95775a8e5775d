package id.qutab.commerce.coupons;

import java.time.Instant;

/**
 * A coupon's rules applied to a subtotal, without side effects: validity, minimum purchase, limits, and the
 * discount (percent floored to whole rupiah, capped by {@code maxDiscount} and by the subtotal).
 */
public final class CouponTerms {

    public enum Refusal {
        NOT_FOUND("coupon-not-found", "This coupon does not exist."),
        INACTIVE("coupon-inactive", "This coupon is not active."),
        NOT_STARTED("coupon-not-started", "This coupon is not valid yet."),
        EXPIRED("coupon-expired", "This coupon has expired."),
        MIN_PURCHASE("coupon-min-purchase", "The order does not reach this coupon's minimum purchase."),
        USAGE_LIMIT("coupon-exhausted", "This coupon has been used up."),
        CUSTOMER_LIMIT("coupon-customer-limit", "You have already used this coupon as often as allowed.");

        public final String slug;
        public final String detail;

        Refusal(String slug, String detail) {
            this.slug = slug;
            this.detail = detail;
        }
    }

    public record Evaluation(Refusal refusal, long discount) {
        public boolean valid() {
            return refusal == null;
        }
    }

    private CouponTerms() {
    }

    /** The rules that do not depend on usage counts. */
    public static Evaluation evaluate(Coupon c, long subtotal, Instant now) {
        if (c == null) {
            return new Evaluation(Refusal.NOT_FOUND, 0);
        }
        if (!c.active) {
            return new Evaluation(Refusal.INACTIVE, 0);
        }
        if (c.validFrom != null && now.isBefore(c.validFrom)) {
            return new Evaluation(Refusal.NOT_STARTED, 0);
        }
        if (c.validUntil != null && !now.isBefore(c.validUntil)) {
            return new Evaluation(Refusal.EXPIRED, 0);
        }
        if (c.minPurchase != null && subtotal < c.minPurchase) {
            return new Evaluation(Refusal.MIN_PURCHASE, 0);
        }
        return new Evaluation(null, discount(c, subtotal));
    }

    /** Adds the usage rules: global limit and the customer's own redemptions. */
    public static Evaluation evaluate(Coupon c, long subtotal, Instant now, long customerRedemptions) {
        Evaluation basic = evaluate(c, subtotal, now);
        if (!basic.valid()) {
            return basic;
        }
        if (c.usageLimit != null && c.used >= c.usageLimit) {
            return new Evaluation(Refusal.USAGE_LIMIT, 0);
        }
        if (c.perCustomerLimit != null && customerRedemptions >= c.perCustomerLimit) {
            return new Evaluation(Refusal.CUSTOMER_LIMIT, 0);
        }
        return basic;
    }

    static long discount(Coupon c, long subtotal) {
        long discount = switch (c.discountType) {
            case PERCENT -> Math.multiplyExact(subtotal, c.discountValue) / 100;
            case FIXED -> c.discountValue;
        };
        if (c.maxDiscount != null) {
            discount = Math.min(discount, c.maxDiscount);
        }
        return Math.max(0, Math.min(discount, subtotal));
    }
}
