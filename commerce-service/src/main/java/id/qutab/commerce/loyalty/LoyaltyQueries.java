package id.qutab.commerce.loyalty;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.qutab.commerce.loyalty.expiry.PointLots;
import id.qutab.commerce.loyalty.tiers.Tier;
import id.qutab.commerce.loyalty.tiers.TierReview;
import id.qutab.commerce.loyalty.tiers.TierSettings;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What customers and admins read of the loyalty ledger: no locks, nothing written. */
@ApplicationScoped
public class LoyaltyQueries {

    @Inject
    EntityManager em;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    TierSettings settings;

    @Inject
    TierReview review;

    @Inject
    PointLots lots;

    @RegisterForReflection
    public record TierView(String code, String name, int multiplierBps) {
        static TierView of(Tier t) {
            return new TierView(t.code(), t.name(), t.multiplierBps());
        }
    }

    @RegisterForReflection
    public record NextTier(String code, long spendNeeded) {
    }

    /** {@code GET /api/loyalty}; {@code nextTier} is absent at the top tier. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(long points, TierView tier, NextTier nextTier, List<PointLots.Expiring> expiring) {
    }

    /** One history row; {@code actorId} only in the admin's view. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(UUID id, LoyaltyEntryType type, long points, UUID orderId, UUID rewardId, String reason,
                            UUID actorId, Instant at) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerView(UUID userId, long points, TierView tier, long spend12Months, Instant tierReviewAt,
                               List<PointLots.Expiring> expiring, Page<EntryView> entries) {
    }

    public Summary summary(UUID userId) {
        Instant now = Instant.now();
        List<Tier> tiers = settings.list();
        Tier tier = review.current(userId, tiers);
        NextTier next = null;
        int rank = Tier.rank(tier.code());
        if (rank + 1 < tiers.size()) {
            Tier above = tiers.get(rank + 1);
            next = new NextTier(above.code(), Math.max(0, above.minSpend() - review.spend12Months(userId, now)));
        }
        return new Summary(ledger.balance(userId), TierView.of(tier), next, lots.upcoming(userId, now));
    }

    public Page<EntryView> history(UUID userId, PageRequest page, boolean withActor) {
        long total = Sql.longValue(Sql.rows(em, "SELECT count(*) FROM loyalty_entry WHERE user_id = ?1", userId).get(0));
        List<EntryView> items = Sql.rows(em, """
                SELECT id, type, points, order_id, reward_id, reason, actor_id, created_at FROM loyalty_entry
                WHERE user_id = ?1 ORDER BY created_at DESC, id DESC OFFSET ?2 LIMIT ?3""",
                userId, page.offset(), page.size()).stream().map(r -> new EntryView((UUID) r[0],
                LoyaltyEntryType.valueOf((String) r[1]), Sql.longValue(r[2]), (UUID) r[3], (UUID) r[4],
                (String) r[5], withActor ? (UUID) r[6] : null, Sql.instant(r[7]))).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public CustomerView customer(UUID userId, PageRequest page) {
        Instant now = Instant.now();
        List<Tier> tiers = settings.list();
        return new CustomerView(userId, ledger.balance(userId), TierView.of(review.current(userId, tiers)),
                review.spend12Months(userId, now), review.status(userId).map(TierReview.Status::reviewAt).orElse(null),
                lots.upcoming(userId, now), history(userId, page, true));
    }
}
