package id.qutab.payout.payouts;

import id.qutab.platform.jobs.AdminJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The {@code payout-idempotency-retention} job: an {@code Idempotency-Key} only has to outlive the client's
 * retries of one request, so a payout requested longer ago than {@code qutab.payout.idempotency-key-retention}
 * (30 days) forgets its key; the same key afterwards is a new request. Daily (Asia/Jakarta, cron
 * {@code qutab.jobs.payout-idempotency-retention.cron}) and on demand ({@code POST /api/admin/jobs/<name>/run}); in batches, each its own transaction;
 * idempotent, so several instances may run it at once.
 */
@ApplicationScoped
public class IdempotencyKeyRetention implements AdminJob {

    public static final String NAME = "payout-idempotency-retention";
    private static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(IdempotencyKeyRetention.class);

    @Inject
    PayoutConfig config;

    @Inject
    EntityManager em;

    public record Report(String job, int processed, Instant olderThan) {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Report runNow() {
        Instant cutoff = Instant.now().minus(config.idempotencyKeyRetention());
        int cleared = 0;
        for (int batch = clearBatch(cutoff); batch > 0; batch = clearBatch(cutoff)) {
            cleared += batch;
        }
        if (cleared > 0) {
            LOG.infof("idempotency retention: forgot the keys of %d payout(s) requested before %s", cleared, cutoff);
        }
        return new Report(NAME, cleared, cutoff);
    }

    private int clearBatch(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        UPDATE payout SET idempotency_key = NULL
                         WHERE id IN (SELECT id FROM payout
                                       WHERE idempotency_key IS NOT NULL AND requested_at < :cutoff LIMIT :batch)""")
                .setParameter("cutoff", cutoff).setParameter("batch", BATCH).executeUpdate());
    }

    @Scheduled(cron = "${qutab.jobs.payout-idempotency-retention.cron:0 40 3 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = NAME)
    void daily() {
        try {
            runNow();
        } catch (RuntimeException e) {
            LOG.warn("idempotency retention failed; the next run catches up", e);
        }
    }
}
