package id.qutab.commerce.jobs;

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

import java.time.Duration;

/**
 * {@code retention} (every hour and on demand, {@code POST /api/admin/jobs/retention/run}): deletes order idempotency keys older than
 * {@code qutab.jobs.retention.idempotency-keys} (7 days) and verified payment callbacks older than
 * {@code ...callback-audits} (90 days), in batches, each in its own short transaction. Both tables otherwise grow
 * forever. Deleting an old callback also forgets its dedupe key: a replay that old is still applied at most once,
 * because applying what we already know changes nothing (PaymentConfirmation).
 */
@ApplicationScoped
public class RetentionJob implements AdminJob {

    public static final String JOB = "retention";
    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    @Inject
    EntityManager em;

    @Inject
    JobsConfig config;

    @RegisterForReflection
    public record Run(String job, long idempotencyKeys, long callbackAudits) {
    }

    @Scheduled(identity = JOB, every = "${qutab.jobs.retention.every:1h}", delayed = "1m",
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
        JobsConfig.Retention r = config.retention();
        long keys = deleteOlderThan("order_idempotency", "created_at", r.idempotencyKeys(), r.batchSize());
        long callbacks = deleteOlderThan("payment_callback", "received_at", r.callbackAudits(), r.batchSize());
        if (keys + callbacks > 0) {
            LOG.infof("%s: deleted %d idempotency keys, %d callback audits", JOB, keys, callbacks);
        }
        return new Run(JOB, keys, callbacks);
    }

    /** Table and column are constants of this class, never input. */
    private long deleteOlderThan(String table, String column, Duration age, int batchSize) {
        long total = 0;
        while (true) {
            int deleted = QuarkusTransaction.requiringNew().call(() -> Sql.update(em,
                    "DELETE FROM " + table + " WHERE ctid IN (SELECT ctid FROM " + table + " WHERE " + column
                            + " < now() - CAST(?1 AS interval) LIMIT ?2)", age.toSeconds() + " seconds", batchSize));
            total += deleted;
            if (deleted < batchSize) {
                return total;
            }
        }
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        JobsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.retention().enabled();
        }
    }
}
