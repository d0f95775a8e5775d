package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.coupons.Coupon;
import id.qutab.commerce.loyalty.LoyaltyEntryType;
import id.qutab.commerce.loyalty.LoyaltyEvents;
import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.commerce.orders.IdempotencyKeys;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.random.RunTimeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Spending points on a reward, and giving them back. Every path takes the customer's {@link LoyaltyLedger#lock}
 * first and reads the balance after it, so two redemptions of the same points run one after the other and the
 * second sees the first one's REDEEM entry. Locks are always taken in this order: (order row, product stock, coupon
 * when an order is involved), then the loyalty account, then the reward row (whose conditional update keeps the
 * stock): no two paths wait on each other in opposite orders.
 */
@ApplicationScoped
public class RewardRedemption {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    EntityManager em;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    LoyaltyEvents events;

    @Inject
    IdempotencyKeys keys;

    @Inject
    RewardsConfig config;

    /** The answer of {@code POST /api/loyalty/rewards/{id}/redeem}; {@code replayed}: the key's first answer. */
    public record Redeemed(UUID redemptionId, String couponCode, boolean replayed) {
    }

    /** Points spent by pricing an order, recorded by {@link #recordAtCheckout} once the order row exists. */
    public record AtCheckout(UUID redemptionId, UUID userId, UUID rewardId, long points, long discount) {
    }

    /** What the idempotency hash covers: the reward (the body is empty). */
    record RedeemRequest(UUID rewardId) {
    }

    private record Taken(long pointsCost, long value) {
    }

    /**
     * {@code POST /api/loyalty/rewards/{id}/redeem}: a COUPON reward issues its coupon now; a DISCOUNT reward is
     * refused (422 {@code reward-at-checkout}), it is spent with an order.
     */
    @Transactional
    public Redeemed redeem(UUID userId, UUID rewardId, String idempotencyKey) {
        String key = IdempotencyKeys.normalize(idempotencyKey);
        if (key != null) {
            IdempotencyKeys.Earlier earlier = keys.claim(userId, key,
                    keys.hash("POST /api/loyalty/rewards/{id}/redeem ", new RedeemRequest(rewardId)));
            if (earlier.redemptionId() != null) {
                return replay(earlier.redemptionId());
            }
        }
        ledger.lock(userId);
        Taken taken = take(userId, rewardId, Reward.Kind.COUPON, true);
        Instant now = Instant.now();
        Coupon coupon = issueCoupon(userId, taken.value(), now);
        UUID redemptionId = UUID.randomUUID();
        Sql.update(em, """
                INSERT INTO loyalty_redemption (id, user_id, reward_id, kind, points, value, coupon_id, created_at)
                VALUES (?1, ?2, ?3, 'COUPON', ?4, ?5, ?6, ?7)""",
                redemptionId, userId, rewardId, taken.pointsCost(), taken.value(), coupon.id, now);
        spend(userId, rewardId, redemptionId, null, taken.pointsCost(), now);
        if (key != null) {
            keys.redemptionCreated(userId, key, redemptionId);
        }
        return new Redeemed(redemptionId, coupon.code, false);
    }

    /**
     * Checkout, inside the order's transaction after the coupon: spends the points of a DISCOUNT reward; its
     * rupiah value is capped at {@code payable} (what is left after the coupon). The whole order is refused (422)
     * when the points do not suffice: it is never placed silently without the discount the customer asked for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AtCheckout spendAtCheckout(UUID userId, UUID rewardId, long payable) {
        ledger.lock(userId);
        Taken taken = take(userId, rewardId, Reward.Kind.DISCOUNT, false);
        long discount = Math.min(taken.value(), payable);
        if (discount <= 0) {
            throw RewardRefusal.NOTHING_TO_DISCOUNT.problem();
        }
        return new AtCheckout(UUID.randomUUID(), userId, rewardId, taken.pointsCost(), discount);
    }

    /** After the order row is flushed (the redemption refers to it): the redemption row and its REDEEM entry. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAtCheckout(AtCheckout a, UUID orderId) {
        Instant now = Instant.now();
        Sql.update(em, """
                INSERT INTO loyalty_redemption (id, user_id, reward_id, kind, points, value, order_id, created_at)
                VALUES (?1, ?2, ?3, 'DISCOUNT', ?4, ?5, ?6, ?7)""",
                a.redemptionId(), a.userId(), a.rewardId(), a.points(), a.discount(), orderId, now);
        spend(a.userId(), a.rewardId(), a.redemptionId(), orderId, a.points(), now);
    }

    /**
     * The order was cancelled or expired (called by its closing transaction, under the order's row lock): its
     * points come back as a RETURN entry and the reward's stock is given back. Once: {@code returned_at} is set
     * once, and the ledger's unique index refuses a second RETURN of the same redemption anyway.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void giveBack(UUID orderId, UUID userId) {
        List<Object[]> rows = Sql.rows(em,
                "SELECT id, reward_id, points FROM loyalty_redemption WHERE order_id = ?1 AND returned_at IS NULL", orderId);
        if (rows.isEmpty()) {
            return; // most orders: no loyalty lock taken for nothing
        }
        UUID redemptionId = (UUID) rows.get(0)[0];
        UUID rewardId = (UUID) rows.get(0)[1];
        long points = Sql.longValue(rows.get(0)[2]);
        ledger.lock(userId);
        if (Sql.update(em, "UPDATE loyalty_redemption SET returned_at = now() WHERE id = ?1 AND returned_at IS NULL",
                redemptionId) == 0) {
            return;
        }
        Sql.update(em, "UPDATE loyalty_reward SET redeemed = redeemed - 1, updated_at = now() WHERE id = ?1 AND redeemed > 0",
                rewardId);
        boolean appended = ledger.append(LoyaltyLedger.Entry.of(userId, LoyaltyEntryType.RETURN, points)
                .withOrder(orderId).withRedemption(redemptionId, rewardId));
        if (appended) {
            events.record(LoyaltyEvents.RETURNED, new LoyaltyEvents.Payload(userId, points, ledger.balance(userId),
                    orderId, rewardId, null, null));
        }
    }

    /**
     * Under the account lock: takes one of the reward's stock by a conditional update (active, in its validity
     * window, in stock, of the expected kind), then checks the balance against its cost as of that row lock.
     */
    private Taken take(UUID userId, UUID rewardId, Reward.Kind kind, boolean byPath) {
        int updated = Sql.update(em, """
                UPDATE loyalty_reward SET redeemed = redeemed + 1, updated_at = now()
                WHERE id = ?1 AND kind = ?2 AND active AND (valid_from IS NULL OR valid_from <= now())
                  AND (valid_until IS NULL OR valid_until > now()) AND (stock IS NULL OR redeemed < stock)""",
                rewardId, kind.name());
        if (updated == 0) {
            throw refusal(rewardId, kind, byPath);
        }
        Object[] row = Sql.rows(em, "SELECT points_cost, value FROM loyalty_reward WHERE id = ?1", rewardId).get(0);
        Taken taken = new Taken(Sql.longValue(row[0]), Sql.longValue(row[1]));
        if (ledger.balance(userId) < taken.pointsCost()) {
            throw RewardRefusal.NOT_ENOUGH_POINTS.problem(); // rolls the stock back with the rest
        }
        return taken;
    }

    private ProblemException refusal(UUID rewardId, Reward.Kind kind, boolean byPath) {
        Reward r = Reward.findById(rewardId);
        if (r == null) {
            return byPath ? ProblemException.notFound("Reward") : RewardRefusal.NOT_FOUND.problem();
        }
        if (r.kind != kind) {
            return (kind == Reward.Kind.COUPON ? RewardRefusal.AT_CHECKOUT_ONLY : RewardRefusal.NOT_AT_CHECKOUT).problem();
        }
        RewardRefusal why = r.refusal(Instant.now());
        return (why == null ? RewardRefusal.OUT_OF_STOCK : why).problem();
    }

    private void spend(UUID userId, UUID rewardId, UUID redemptionId, UUID orderId, long points, Instant now) {
        LoyaltyLedger.Entry entry = LoyaltyLedger.Entry.of(userId, LoyaltyEntryType.REDEEM, -points)
                .withRedemption(redemptionId, rewardId).at(now);
        if (!ledger.append(orderId == null ? entry : entry.withOrder(orderId))) {
            throw new IllegalStateException("redemption " + redemptionId + " was already spent");
        }
        events.record(LoyaltyEvents.REDEEMED, new LoyaltyEvents.Payload(userId, -points, ledger.balance(userId),
                orderId, rewardId, null, null));
    }

    /** A single-use coupon for {@code value} rupiah that only {@code userId} can use. */
    private Coupon issueCoupon(UUID userId, long value, Instant now) {
        Coupon c = new Coupon();
        c.id = UUID.randomUUID();
        c.code = "PTS-" + randomCode(10);
        c.discountType = Coupon.DiscountType.FIXED;
        c.discountValue = value;
        c.validFrom = now;
        c.validUntil = now.plus(config.couponValidity());
        c.usageLimit = 1;
        c.perCustomerLimit = 1;
        c.ownerUserId = userId;
        c.active = true;
        c.createdAt = now;
        c.updatedAt = now;
        c.persist();
        em.flush(); // the redemption row refers to it
        return c;
    }

    private Redeemed replay(UUID redemptionId) {
        Object code = Sql.rows(em, """
                SELECT c.code FROM loyalty_redemption r LEFT JOIN coupon c ON c.id = r.coupon_id WHERE r.id = ?1""",
                redemptionId).get(0);
        return new Redeemed(redemptionId, (String) code, true);
    }

    private static String randomCode(int length) {
        return RunTimeRandom.code(CODE_ALPHABET, length);
    }
}
