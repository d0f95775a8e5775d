package id.qutab.affiliate.jobs;

import id.qutab.platform.jobs.AdminJob;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This service's jobs run daily (Asia/Jakarta; crons {@code qutab.jobs.<job>.cron}); each is also an
 * {@link AdminJob}, run at once by an admin through the platform's {@code POST /api/admin/jobs/{job}/run}. Every
 * job is idempotent and safe with several instances running it.
 * <ul>
 *   <li>{@code commission-maturation} — PENDING → AVAILABLE when completed and held long enough;</li>
 *   <li>{@code stats-aggregation} — rebuild daily_stats of yesterday and today, or of {@code ?day=};</li>
 *   <li>{@code tier-recalculation} — promote and demote affiliates by trailing 90-day confirmed sales;</li>
 *   <li>{@code click-cleanup} — remove raw clicks past retention, after summarizing their day.</li>
 * </ul>
 * The answer of every run is {@code {job, processed, ...}}.
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);

    @Inject
    CommissionMaturationJob maturation;

    @Inject
    StatsAggregationJob stats;

    @Inject
    TierRecalculationJob tiers;

    @Inject
    ClickCleanupJob cleanup;

    @Scheduled(cron = "${qutab.jobs.commission-maturation.cron:0 10 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = CommissionMaturationJob.NAME)
    void maturationDaily() {
        scheduled(maturation);
    }

    @Scheduled(cron = "${qutab.jobs.stats-aggregation.cron:0 20 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = StatsAggregationJob.NAME)
    void statsDaily() {
        scheduled(stats);
    }

    @Scheduled(cron = "${qutab.jobs.tier-recalculation.cron:0 30 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = TierRecalculationJob.NAME)
    void tiersDaily() {
        scheduled(tiers);
    }

    @Scheduled(cron = "${qutab.jobs.click-cleanup.cron:0 40 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = ClickCleanupJob.NAME)
    void cleanupDaily() {
        scheduled(cleanup);
    }

    private void scheduled(AdminJob job) {
        try {
            LOG.infof("scheduled %s", job.runNow());
        } catch (RuntimeException e) {
            LOG.errorf(e, "scheduled job %s failed; it runs again tomorrow or can be run by an admin", job.name());
        }
    }

    /** {@code {job, processed}}, in that order; a job may add its own fields after them. */
    static Map<String, Object> result(String job, int processed) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", job);
        result.put("processed", processed);
        return result;
    }
}
