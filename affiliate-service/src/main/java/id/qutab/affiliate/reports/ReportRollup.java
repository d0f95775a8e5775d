package id.qutab.affiliate.reports;

import id.qutab.affiliate.support.AdvisoryLocks;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes {@code report_day} for every closed day that has no (valid) row: the whole history on the first run,
 * then yesterday and the days whose data changed since (their rows were deleted by the V4 triggers). Part of the
 * stats-aggregation job, after its rebuild. Holds the stats lock exclusively, so no change commits between the
 * counting and the write; idempotent (a second run writes nothing and reports 0).
 */
@ApplicationScoped
public class ReportRollup {

    private static final String FIRST_DAY = """
            SELECT least((SELECT min(day) FROM daily_stats),
                         (SELECT jakarta_day(min(created_at)) FROM commission),
                         (SELECT jakarta_day(min(available_at)) FROM commission),
                         (SELECT jakarta_day(min(voided_at)) FROM commission),
                         (SELECT jakarta_day(min(created_at)) FROM commission_clawback))""";

    private static final String ROLL_UP = "INSERT INTO report_day (" + DayFigures.COLUMNS + ") "
            + DayFigures.over("""
                    SELECT g::date AS day FROM generate_series(CAST(?1 AS date), CAST(?2 AS date), interval '1 day') g
                    WHERE NOT EXISTS (SELECT 1 FROM report_day r WHERE r.day = g::date)""")
            + " ON CONFLICT (day) DO NOTHING";

    @Inject
    EntityManager em;

    /** Rolls up the closed days without a row, in its own transaction; returns how many rows were written. */
    public int rollUpClosedDays() {
        // the first run rolls the whole history up (a year: seconds); later runs a day or two
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            AdvisoryLocks.exclusive(em, AdvisoryLocks.STATS);
            List<Object> first = Sql.column(em, FIRST_DAY);
            LocalDate yesterday = Jakarta.today().minusDays(1);
            if (first.isEmpty() || first.get(0) == null) {
                return 0;
            }
            LocalDate from = first.get(0) instanceof Date d ? d.toLocalDate() : (LocalDate) first.get(0);
            return from.isAfter(yesterday) ? 0 : Sql.update(em, ROLL_UP, from, yesterday);
        });
    }
}
