package id.qutab.commerce.coupons;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Redeems a coupon inside the order's transaction. The usage limit is enforced by
 * {@code UPDATE coupon SET used = used + 1 WHERE ... used < usage_limit}: of N concurrent orders exactly
 * {@code limit} succeed. That update also holds the coupon's row lock until commit, which makes the
 * per-customer count that follows exact too. Cancel and expiry give the usage back.
 */
@ApplicationScoped
public class CouponRedemption {

    @Inject
    EntityManager em;

    public record Redeemed(Coupon coupon, long discount) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Redeemed redeem(String code, UUID userId, long subtotal) {
        Coupon coupon = Coupon.usableBy(code, userId).orElse(null);
        CouponTerms.Evaluation terms = CouponTerms.evaluate(coupon, subtotal, Instant.now());
        if (!terms.valid()) {
            throw refuse(terms.refusal());
        }
        int taken = Sql.update(em, """
                UPDATE coupon SET used = used + 1, updated_at = now()
                WHERE id = ?1 AND active AND (usage_limit IS NULL OR used < usage_limit)""", coupon.id);
        if (taken == 0) {
            throw refuse(CouponTerms.Refusal.USAGE_LIMIT);
        }
        if (coupon.perCustomerLimit != null && liveRedemptions(coupon.id, userId) >= coupon.perCustomerLimit) {
            throw refuse(CouponTerms.Refusal.CUSTOMER_LIMIT); // rolls the increment back with the order
        }
        return new Redeemed(coupon, terms.discount());
    }

    /** Records which order holds the usage (after the order row exists). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Coupon coupon, UUID orderId, UUID userId, long discount) {
        Sql.update(em, """
                INSERT INTO coupon_redemption (id, coupon_id, order_id, user_id, discount, redeemed_at)
                VALUES (?1, ?2, ?3, ?4, ?5, now())""", UUID.randomUUID(), coupon.id, orderId, userId, discount);
    }

    /** Gives the order's usage back, once: cancelled and expired orders do not count against the limits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(UUID orderId) {
        int released = Sql.update(em, """
                UPDATE coupon_redemption SET released_at = now() WHERE order_id = ?1 AND released_at IS NULL""", orderId);
        if (released == 1) {
            Sql.update(em, """
                    UPDATE coupon SET used = used - 1, updated_at = now()
                    WHERE id = (SELECT coupon_id FROM coupon_redemption WHERE order_id = ?1) AND used > 0""", orderId);
        }
    }

    public long liveRedemptions(UUID couponId, UUID userId) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM coupon_redemption WHERE coupon_id = ?1 AND user_id = ?2 AND released_at IS NULL""")
                .setParameter(1, couponId).setParameter(2, userId).getSingleResult()).longValue();
    }

    /** {@code POST /api/coupons/validate}: the same rules, no side effect. */
    @Transactional
    public CouponTerms.Evaluation check(String code, UUID userId, long subtotal) {
        Coupon coupon = Coupon.usableBy(code, userId).orElse(null);
        long mine = coupon == null ? 0 : liveRedemptions(coupon.id, userId);
        return CouponTerms.evaluate(coupon, subtotal, Instant.now(), mine);
    }

    static ProblemException refuse(CouponTerms.Refusal refusal) {
        return ProblemException.rule(refusal.slug, refusal.detail);
    }
}
