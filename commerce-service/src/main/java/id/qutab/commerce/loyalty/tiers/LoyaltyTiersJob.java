package id.qutab.commerce.loyalty.tiers;

import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.commerce.jobs.JobsConfig;
import id.qutab.platform.jobs.AdminJob;
import id.qutab.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code loyalty-tiers} (daily, {@code qutab.jobs.loyalty-tiers.every}, and {@code POST
 * /api/admin/jobs/loyalty-tiers/run}): reviews every customer who paid in the last 12 months (upgrades, e.g. after
 * an admin lowered a threshold) or whose yearly review date has passed (downgrades). One short transaction per
 * customer under the loyalty account lock; a second run changes nothing.
 */
@ApplicationScoped
public class LoyaltyTiersJob implements AdminJob {

    public static final String JOB = "loyalty-tiers";
    private static final Logger LOG = Logger.getLogger(LoyaltyTiersJob.class);

    @Inject
    EntityManager em;

    @Inject
    TierReview review;

    @Inject
    LoyaltyLedger ledger;

    @RegisterForReflection
    public record Run(String job, long reviewed, long upgraded, long downgraded) {
    }

    @Scheduled(identity = JOB, every = "${qutab.jobs.loyalty-tiers.every:24h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        runNow();
    }

    @Override
    public String name() {
        return JOB;
    }

    @Override
    public Run runNow() {
        return run(Instant.now());
    }

    /** Reviews as of {@code now} (tests move the clock with it). */
    public Run run(Instant now) {
        Instant from = now.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
        List<UUID> users = QuarkusTransaction.requiringNew().call(() -> Sql.<UUID>column(em, """
                SELECT user_id FROM loyalty_tier_status WHERE review_at <= ?1
                UNION
                SELECT DISTINCT user_id FROM customer_order WHERE paid_at > ?2 AND paid_at <= ?1""", now, from));
        long up = 0;
        long down = 0;
        for (UUID user : users) {
            Optional<TierReview.Change> change = QuarkusTransaction.requiringNew().call(() -> {
                ledger.lock(user);
                return review.review(user, now);
            });
            if (change.isPresent()) {
                if (Tier.rank(change.get().tier()) > Tier.rank(change.get().previous())) {
                    up++;
                } else {
                    down++;
                }
            }
        }
        if (up + down > 0) {
            LOG.infof("%s: %d customers reviewed, %d upgraded, %d downgraded", JOB, users.size(), up, down);
        }
        return new Run(JOB, users.size(), up, down);
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        JobsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.loyaltyTiers().enabled();
        }
    }
}
