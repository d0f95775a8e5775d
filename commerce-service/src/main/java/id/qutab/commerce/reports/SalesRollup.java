package id.qutab.commerce.reports;

import id.qutab.commerce.jobs.JobsConfig;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.platform.jobs.AdminJob;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.reports.DayRange;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code sales-rollup} (every hour, and {@code POST /api/admin/jobs/sales-rollup/run}): stores {@link SalesEvents}
 * of every closed Jakarta day in {@code sales_daily} / {@code sales_daily_product}, oldest first, and moves
 * {@code sales_rollup_state.rolled_through}; the sales report reads those days from there and only the later ones
 * from the orders. A day is closed {@code qutab.jobs.sales-rollup.settle} (2 days) after its end: each event is
 * counted on the day it happened (a refund of an old order on the refund's day), so a closed day never changes.
 * Each batch of days is one transaction under the state row's lock: instances take turns, a second run finds
 * nothing to do. {@code ?day=YYYY-MM-DD} rolls again from that day (a repair, e.g. after fixing data by hand).
 * The run also folds the pipeline report's status deltas ({@code order_status_tally}) into one row per status.
 */
@ApplicationScoped
public class SalesRollup implements AdminJob {

    public static final String JOB = "sales-rollup";
    private static final Logger LOG = Logger.getLogger(SalesRollup.class);

    @Inject
    EntityManager em;

    @Inject
    JobsConfig config;

    @RegisterForReflection
    public record Run(String job, int processed, LocalDate rolledThrough, long tallyRowsFolded) {
    }

    @Scheduled(identity = JOB, every = "${qutab.jobs.sales-rollup.every:1h}", delayed = "2m",
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

    @Override
    public Run runNow(String day) {
        if (day == null || day.isEmpty()) {
            return runNow();
        }
        LocalDate from;
        try {
            from = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("day", "must be a date YYYY-MM-DD");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            LocalDate through = rolledThrough(true);
            if (through != null && !from.isAfter(through)) {
                Sql.update(em, "UPDATE sales_rollup_state SET rolled_through = ?1 WHERE id = 1", from.minusDays(1));
            }
        });
        return run(Instant.now());
    }

    /** The last Jakarta day that is closed at {@code now}. */
    public LocalDate lastClosedDay(Instant now) {
        return LocalDate.ofInstant(now.minus(config.salesRollup().settle()), DayRange.JAKARTA).minusDays(1);
    }

    Run run(Instant now) {
        LocalDate last = lastClosedDay(now);
        int days = 0;
        while (true) {
            Integer rolled = QuarkusTransaction.requiringNew().call(() -> rollNextBatch(last));
            if (rolled == 0) {
                break;
            }
            days += rolled;
        }
        long folded = QuarkusTransaction.requiringNew().call(this::foldTally);
        LocalDate through = QuarkusTransaction.requiringNew().call(() -> rolledThrough(false));
        if (days > 0) {
            LOG.infof("%s: rolled up %d days, through %s", JOB, days, through);
        }
        return new Run(JOB, days, through, folded);
    }

    /** One batch of days after rolled_through, under the state row's lock; 0 when nothing is left to do. */
    private int rollNextBatch(LocalDate last) {
        LocalDate through = rolledThrough(true);
        LocalDate first;
        if (through == null) {
            Instant earliest = Sql.instant(em.createNativeQuery("SELECT min(created_at) FROM customer_order")
                    .getSingleResult());
            if (earliest == null) {
                // No orders yet: every closed day is an empty day of the rollup.
                Sql.update(em, "UPDATE sales_rollup_state SET rolled_through = ?1 WHERE id = 1", last);
                return 0;
            }
            first = LocalDate.ofInstant(earliest, DayRange.JAKARTA);
        } else {
            first = through.plusDays(1);
        }
        if (first.isAfter(last)) {
            return 0;
        }
        LocalDate end = first.plusDays(config.salesRollup().daysPerBatch() - 1L);
        if (end.isAfter(last)) {
            end = last;
        }
        DayRange batch = new DayRange(first, end);
        Sql.update(em, "DELETE FROM sales_daily WHERE day BETWEEN ?1 AND ?2", first, end);
        Sql.update(em, "DELETE FROM sales_daily_product WHERE day BETWEEN ?1 AND ?2", first, end);
        Sql.update(em, "INSERT INTO sales_daily (day, placed, paid, cancelled, expired, refunded, gross, discounts,"
                + " paid_total, refunded_amount) " + SalesEvents.DAYS, batch.start(), batch.end());
        Sql.update(em, "INSERT INTO sales_daily_product (day, product_id, category, paid_quantity, paid_amount,"
                + " refunded_quantity, refunded_amount) " + SalesEvents.PRODUCTS, batch.start(), batch.end());
        Sql.update(em, """
                UPDATE sales_daily d SET sapi = c.sapi, kambing = c.kambing, domba = c.domba
                FROM (SELECT day,
                             COALESCE(sum(paid_amount - refunded_amount) FILTER (WHERE category = 'sapi'), 0) AS sapi,
                             COALESCE(sum(paid_amount - refunded_amount) FILTER (WHERE category = 'kambing'), 0) AS kambing,
                             COALESCE(sum(paid_amount - refunded_amount) FILTER (WHERE category = 'domba'), 0) AS domba
                      FROM sales_daily_product WHERE day BETWEEN ?1 AND ?2 GROUP BY day) c
                WHERE d.day = c.day""", first, end);
        Sql.update(em, "UPDATE sales_rollup_state SET rolled_through = ?1 WHERE id = 1", end);
        return (int) batch.days();
    }

    private LocalDate rolledThrough(boolean lock) {
        List<Object> rows = Sql.column(em, "SELECT rolled_through FROM sales_rollup_state WHERE id = 1"
                + (lock ? " FOR UPDATE" : ""));
        return rows.isEmpty() ? null : Dates.localDate(rows.get(0));
    }

    /**
     * Replaces the deltas this transaction sees by their sum per status. Deltas of transactions still running are
     * not visible to the DELETE, so they stay and are counted next time: nothing is lost or counted twice.
     */
    private long foldTally() {
        List<Object> count = Sql.column(em, "SELECT count(*) FROM order_status_tally");
        long rows = Sql.longValue(count.get(0));
        if (rows <= OrderStatus.values().length) {
            return 0;
        }
        Sql.update(em, """
                WITH gone AS (DELETE FROM order_status_tally RETURNING status, orders, value)
                INSERT INTO order_status_tally (status, orders, value)
                SELECT status, sum(orders), sum(value) FROM gone GROUP BY status""");
        return rows;
    }

    @Singleton
    public static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        JobsConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.salesRollup().enabled();
        }
    }
}
