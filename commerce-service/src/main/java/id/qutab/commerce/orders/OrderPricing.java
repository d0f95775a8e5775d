package id.qutab.commerce.orders;

import id.qutab.commerce.coupons.Coupon;
import id.qutab.commerce.coupons.CouponRedemption;
import id.qutab.commerce.loyalty.rewards.RewardRedemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * What an order costs: the subtotal of its lines, the coupon's discount on that subtotal (redeemed here, so the
 * coupon's usage limits hold under concurrency), then a loyalty reward's discount (points spent here, under the
 * customer's loyalty lock), spread over the lines by {@link DiscountSpread} so that each
 * line knows what was paid for it, and the total.
 */
@ApplicationScoped
public class OrderPricing {

    @Inject
    CouponRedemption coupons;

    @Inject
    RewardRedemption rewards;

    /** What pricing took and is recorded once the order row exists: the coupon's usage, the points spent. */
    public record Priced(CouponRedemption.Redeemed coupon, RewardRedemption.AtCheckout points) {
    }

    /**
     * Prices {@code order}, whose lines are set: the coupon first, then the points reward on what is left to pay
     * (its rupiah value capped there), both spread together over the lines. {@code rewardId} may be null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Priced price(Order order, String couponCode, UUID rewardId, UUID userId) {
        long[] totals = new long[order.lines.size()];
        long subtotal = 0;
        for (int i = 0; i < totals.length; i++) {
            totals[i] = order.lines.get(i).lineTotal;
            subtotal = Math.addExact(subtotal, totals[i]);
        }
        CouponRedemption.Redeemed redeemed = null;
        if (couponCode != null && !couponCode.isBlank()) {
            redeemed = coupons.redeem(couponCode, userId, subtotal);
        }
        long couponDiscount = redeemed == null ? 0 : redeemed.discount();
        // after the coupon's row lock: the loyalty account lock always comes after stock and coupon locks
        RewardRedemption.AtCheckout points = rewardId == null ? null
                : rewards.spendAtCheckout(userId, rewardId, subtotal - couponDiscount);
        long pointsDiscount = points == null ? 0 : points.discount();
        long discount = couponDiscount + pointsDiscount;
        long[] shares = DiscountSpread.spread(totals, discount);
        for (int i = 0; i < shares.length; i++) {
            OrderLine line = order.lines.get(i);
            line.discount = shares[i];
            line.paidAmount = line.lineTotal - shares[i];
        }
        order.subtotal = subtotal;
        order.discount = discount;
        order.pointsDiscount = pointsDiscount;
        order.total = subtotal - discount;
        if (redeemed != null) {
            Coupon c = redeemed.coupon();
            order.couponId = c.id;
            order.couponCode = c.code;
            order.couponAffiliateId = c.affiliateId;
        }
        return new Priced(redeemed, points);
    }
}
