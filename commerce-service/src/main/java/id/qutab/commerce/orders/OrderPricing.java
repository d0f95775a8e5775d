package id.qutab.commerce.orders;

import id.qutab.commerce.coupons.Coupon;
import id.qutab.commerce.coupons.CouponRedemption;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * What an order costs: the subtotal of its lines, the coupon's discount on that subtotal (redeemed here, so the
 * coupon's usage limits hold under concurrency), spread over the lines by {@link DiscountSpread} so that each
 * line knows what was paid for it, and the total.
 */
@ApplicationScoped
public class OrderPricing {

    @Inject
    CouponRedemption coupons;

    /**
     * Prices {@code order}, whose lines are set. Returns the coupon's redemption, which is recorded once the order
     * exists, or null without a coupon.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CouponRedemption.Redeemed price(Order order, String couponCode, UUID userId) {
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
        long discount = redeemed == null ? 0 : redeemed.discount();
        long[] shares = DiscountSpread.spread(totals, discount);
        for (int i = 0; i < shares.length; i++) {
            OrderLine line = order.lines.get(i);
            line.discount = shares[i];
            line.paidAmount = line.lineTotal - shares[i];
        }
        order.subtotal = subtotal;
        order.discount = discount;
        order.total = subtotal - discount;
        if (redeemed != null) {
            Coupon c = redeemed.coupon();
            order.couponId = c.id;
            order.couponCode = c.code;
            order.couponAffiliateId = c.affiliateId;
        }
        return redeemed;
    }
}
