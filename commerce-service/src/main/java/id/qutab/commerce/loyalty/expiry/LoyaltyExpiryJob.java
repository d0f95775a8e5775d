package id.qutab.commerce.loyalty.expiry;

import id.qutab.commerce.loyalty.LoyaltyConfig;
import id.qutab.commerce.loyalty.LoyaltyEntryType;
import id.qutab.commerce.loyalty.LoyaltyEvents;
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
import java.util.List;
import java.util.UUID;

/**
 * {@code loyalty-expiry} (daily, {@code qutab.jobs.loyalty-expiry.every}, and {@code POST
 * /api/admin/jobs/loyalty-expiry/run}): appends one EXPIRE entry per customer for what is left of the lots whose
 * expiry date has come ({@link PointLots}). Idempotent by construction: the EXPIRE entry is itself a FIFO debit
 * that consumes exactly those lots, so a second run finds nothing due. One transaction per customer under the
 * loyalty account lock, so a concurrent redemption and the expiry cannot both take the same points.
 */
@ApplicationScoped
public class LoyaltyExpiryJob implements AdminJob {

    public static final String JOB = "loyalty-expiry";
    private static final Logger LOG = Logger.getLogger(LoyaltyExpiryJob.class);

    @Inject
    EntityManager em;

    @Inject
    PointLots lots;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    LoyaltyEvents events;

    @Inject
    LoyaltyConfig config;

    @RegisterForReflection
    public record Run(String job, long customers, long points) {
    }

    @Scheduled(identity = JOB, every = "${qutab.jobs.loyalty-expiry.every:24h}", delayed = "10m",
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

    /** Expires what is due at {@code now} (tests move the clock with it; entries are dated {@code now}). */
    public Run run(Instant now) {
        // a candidate has a positive balance and a credit old enough (a few days' slack for month lengths; the
        // exact date is checked per lot)
        Instant oldest = now.atZone(lots.zone()).minusMonths(config.expiryMonths()).plusDays(4).toInstant();
        List<UUID> users = QuarkusTransaction.requiringNew().call(() -> Sql.<UUID>column(em, """
                SELECT e.user_id FROM loyalty_entry e
                WHERE e.points > 0 AND e.created_at <= ?1
                GROUP BY e.user_id
                HAVING (SELECT SUM(b.points) FROM loyalty_entry b WHERE b.user_id = e.user_id) > 0""", oldest));
        long customers = 0;
        long points = 0;
        for (UUID user : users) {
            long expired = QuarkusTransaction.requiringNew().call(() -> expire(user, now));
            if (expired > 0) {
                customers++;
                points += expired;
            }
        }
        if (customers > 0) {
            LOG.infof("%s: %d points of %d customers expired", JOB, points, customers);
        }
        return new Run(JOB, customers, points);
    }

    private long expire(UUID user, Instant now) {
        ledger.lock(user);
        long due = lots.due(lots.lots(user), now);
        if (due <= 0) {
            return 0;
        }
        LoyaltyLedger.Entry entry = LoyaltyLedger.Entry.of(user, LoyaltyEntryType.EXPIRE, -due).at(now);
        ledger.append(entry);
        events.record(LoyaltyEvents.EXPIRED, new LoyaltyEvents.Payload(user, -due, ledger.balance(user), null, null,
                null, null));
        return due;
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        JobsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.loyaltyExpiry().enabled();
        }
    }
}
