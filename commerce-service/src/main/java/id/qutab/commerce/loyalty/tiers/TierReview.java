package id.qutab.commerce.loyalty.tiers;

import id.qutab.commerce.loyalty.LoyaltyEvents;
import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's tier from paid spend over the last 12 months: a higher tier at once, a lower one only once the
 * yearly review date has passed (a customer keeps what they reached for a year). Reviewed on every completed order
 * and by the {@code loyalty-tiers} job; every change is a {@code commerce.loyalty.tier-changed} event.
 */
@ApplicationScoped
public class TierReview {

    @Inject
    EntityManager em;

    @Inject
    TierSettings settings;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    LoyaltyEvents events;

    /** The stored tier status; empty for a customer never reviewed (shown as the lowest tier). */
    public record Status(String tier, Instant since, Instant reviewAt) {
    }

    public record Change(String previous, String tier) {
    }

    /**
     * Σ total of the orders paid in the 12 months before {@code now}, minus what was refunded of them: a refunded
     * order counts for nothing.
     */
    public long spend12Months(UUID userId, Instant now) {
        Instant from = now.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        return Sql.longValue(Sql.rows(em, """
                SELECT COALESCE(SUM(o.total - COALESCE((SELECT SUM(r.amount) FROM refund r WHERE r.order_id = o.id), 0)), 0)
                FROM customer_order o
                WHERE o.user_id = ?1 AND o.paid_at IS NOT NULL AND o.paid_at > ?2 AND o.paid_at <= ?3""",
                userId, from, now).get(0));
    }

    public Optional<Status> status(UUID userId) {
        List<Object[]> rows = Sql.rows(em, "SELECT tier, since, review_at FROM loyalty_tier_status WHERE user_id = ?1",
                userId);
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(new Status((String) rows.get(0)[0], Sql.instant(rows.get(0)[1]), Sql.instant(rows.get(0)[2])));
    }

    /** The tier whose multiplier applies now: the stored one, or the lowest for a customer never reviewed. */
    public Tier current(UUID userId, List<Tier> tiers) {
        String code = status(userId).map(Status::tier).orElse(Tier.BRONZE);
        return tiers.stream().filter(t -> t.code().equals(code)).findFirst().orElse(tiers.get(0));
    }

    /**
     * Reviews one customer as of {@code now}, under the loyalty account lock the caller took
     * ({@link LoyaltyLedger#lock}); empty when the tier stays (a passed review date then moves a year on).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Change> review(UUID userId, Instant now) {
        List<Tier> tiers = settings.list();
        String target = settings.forSpend(tiers, spend12Months(userId, now)).code();
        Instant nextReview = now.atOffset(ZoneOffset.UTC).plusYears(1).toInstant();
        Optional<Status> status = status(userId);
        if (status.isEmpty()) {
            Sql.update(em, """
                    INSERT INTO loyalty_tier_status (user_id, tier, since, review_at) VALUES (?1, ?2, ?3, ?4)""",
                    userId, target, now, nextReview);
            return changed(userId, Tier.BRONZE, target);
        }
        Status s = status.get();
        boolean reviewDue = !s.reviewAt().isAfter(now);
        int diff = Integer.compare(Tier.rank(target), Tier.rank(s.tier()));
        if (diff > 0 || (diff < 0 && reviewDue)) {
            Sql.update(em, """
                    UPDATE loyalty_tier_status SET tier = ?2, since = ?3, review_at = ?4, updated_at = now()
                    WHERE user_id = ?1""", userId, target, now, nextReview);
            return changed(userId, s.tier(), target);
        }
        if (reviewDue) {
            // kept at the review: the next one is a year on
            Sql.update(em, "UPDATE loyalty_tier_status SET review_at = ?2, updated_at = now() WHERE user_id = ?1",
                    userId, nextReview);
        }
        return Optional.empty();
    }

    private Optional<Change> changed(UUID userId, String previous, String tier) {
        if (previous.equals(tier)) {
            return Optional.empty();
        }
        events.record(LoyaltyEvents.TIER_CHANGED, new LoyaltyEvents.Payload(userId, 0, ledger.balance(userId), null,
                null, tier, previous));
        return Optional.of(new Change(previous, tier));
    }
}
