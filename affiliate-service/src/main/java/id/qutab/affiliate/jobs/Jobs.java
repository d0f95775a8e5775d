package id.qutab.affiliate.jobs;

import id.qutab.affiliate.clicks.ClickCleanup;
import id.qutab.affiliate.commissions.CommissionConfig;
import id.qutab.affiliate.commissions.CommissionMaturation;
import id.qutab.affiliate.stats.DailyStatsAggregation;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.affiliate.tiers.TierRecalculation;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This service's scheduled jobs (daily, Asia/Jakarta; crons {@code qutab.jobs.<job>.cron}) and the same jobs run
 * at once by an admin. Every job is idempotent and safe with several instances running it.
 * <ul>
 *   <li>{@code commission-maturation} — PENDING → AVAILABLE when completed and held long enough;</li>
 *   <li>{@code stats-aggregation} — rebuild daily_stats of yesterday and today, or of {@code ?day=};</li>
 *   <li>{@code tier-recalculation} — promote and demote affiliates by trailing 90-day confirmed sales;</li>
 *   <li>{@code click-cleanup} — remove raw clicks past retention, after summarizing their day.</li>
 * </ul>
 */
@ApplicationScoped
public class Jobs {

    private static final Logger LOG = Logger.getLogger(Jobs.class);
    public static final List<String> NAMES = List.of("commission-maturation", "stats-aggregation",
            "tier-recalculation", "click-cleanup");

    @Inject
    CommissionMaturation maturation;

    @Inject
    CommissionConfig commissionConfig;

    @Inject
    DailyStatsAggregation aggregation;

    @Inject
    TierRecalculation tiers;

    @Inject
    ClickCleanup cleanup;

    /** Runs a job by name; the answer is {@code {job, processed, ...}}. */
    public Map<String, Object> run(String job, String day) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("job", job);
        switch (job) {
            case "commission-maturation" -> {
                rejectDay(day);
                result.put("processed", maturation.run());
                result.put("holdDays", commissionConfig.holdDays());
            }
            case "stats-aggregation" -> {
                List<LocalDate> days = day == null ? List.of(Jakarta.today().minusDays(1), Jakarta.today())
                        : List.of(parseDay(day));
                int processed = 0;
                for (LocalDate d : days) {
                    processed += aggregation.rebuild(d);
                }
                result.put("processed", processed);
                result.put("days", days.stream().map(LocalDate::toString).toList());
            }
            case "tier-recalculation" -> {
                rejectDay(day);
                result.put("processed", tiers.run());
            }
            case "click-cleanup" -> {
                rejectDay(day);
                result.put("processed", cleanup.run());
            }
            default -> throw ProblemException.notFound("Job " + job);
        }
        return result;
    }

    @Scheduled(cron = "${qutab.jobs.commission-maturation.cron:0 10 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "commission-maturation")
    void maturationDaily() {
        scheduled("commission-maturation");
    }

    @Scheduled(cron = "${qutab.jobs.stats-aggregation.cron:0 20 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "stats-aggregation")
    void statsDaily() {
        scheduled("stats-aggregation");
    }

    @Scheduled(cron = "${qutab.jobs.tier-recalculation.cron:0 30 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "tier-recalculation")
    void tiersDaily() {
        scheduled("tier-recalculation");
    }

    @Scheduled(cron = "${qutab.jobs.click-cleanup.cron:0 40 0 * * ?}", timeZone = "Asia/Jakarta",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "click-cleanup")
    void cleanupDaily() {
        scheduled("click-cleanup");
    }

    private void scheduled(String job) {
        try {
            LOG.infof("scheduled %s", run(job, null));
        } catch (RuntimeException e) {
            LOG.errorf(e, "scheduled job %s failed; it runs again tomorrow or can be run by an admin", job);
        }
    }

    private static LocalDate parseDay(String day) {
        LocalDate parsed;
        try {
            parsed = LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be a date like 2026-11-21");
        }
        if (parsed.isAfter(Jakarta.today())) {
            throw ProblemException.invalid("day", "must not be in the future");
        }
        return parsed;
    }

    private static void rejectDay(String day) {
        if (day != null) {
            throw ProblemException.invalid("day", "only stats-aggregation takes a day");
        }
    }
}
