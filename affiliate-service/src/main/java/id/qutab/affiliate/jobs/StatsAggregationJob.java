package id.qutab.affiliate.jobs;

import id.qutab.affiliate.reports.ReportRollup;
import id.qutab.affiliate.stats.DailyStatsAggregation;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.platform.jobs.AdminJob;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * {@code stats-aggregation}: rebuilds daily_stats of yesterday and today (Asia/Jakarta), or of {@code ?day=} (not
 * in the future), then rolls the closed days without a valid row up into report_day (the admin report); the answer
 * adds {@code days} and {@code reportDays} (rows rolled up).
 */
@ApplicationScoped
public class StatsAggregationJob implements AdminJob {

    public static final String NAME = "stats-aggregation";

    @Inject
    DailyStatsAggregation aggregation;

    @Inject
    ReportRollup rollup;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow() {
        return runNow(null);
    }

    @Override
    public Map<String, Object> runNow(String day) {
        List<LocalDate> days = day == null ? List.of(Jakarta.today().minusDays(1), Jakarta.today())
                : List.of(parseDay(day));
        int processed = 0;
        for (LocalDate d : days) {
            processed += aggregation.rebuild(d);
        }
        int reportDays = rollup.rollUpClosedDays();
        Map<String, Object> result = Jobs.result(NAME, processed);
        result.put("days", days.stream().map(LocalDate::toString).toList());
        result.put("reportDays", reportDays);
        return result;
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
}
