package id.qutab.commerce.reports;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.reports.DayRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The sales report: days up to {@code sales_rollup_state.rolled_through} from the rollup (a few hundred rows for a
 * year), the days after it live from the orders ({@link SalesEvents} over the event indexes: normally the last two
 * or three days). Both halves are the same numbers, so the answer does not depend on when the job last ran.
 * <p>
 * Definitions (README "Reports"): gross = Σ subtotal of the orders paid in the period, discounts = Σ their
 * discount, refundedAmount = Σ refunds made in the period, netPaid = gross − discounts − refundedAmount.
 */
@ApplicationScoped
public class SalesReports {

    /** The longest range one request may ask for: two years, the comparisons admins make. */
    public static final int MAX_DAYS = 731;
    public static final int DEFAULT_DAYS = 30;
    static final int TOP_PRODUCTS = 10;

    @Inject
    EntityManager em;

    /** One day's numbers (the rollup's columns). */
    static final class Day {
        long placed, paid, cancelled, expired, refunded, gross, discounts, paidTotal, refundedAmount;
        long sapi, kambing, domba;

        void add(Day d) {
            placed += d.placed;
            paid += d.paid;
            cancelled += d.cancelled;
            expired += d.expired;
            refunded += d.refunded;
            gross += d.gross;
            discounts += d.discounts;
            paidTotal += d.paidTotal;
            refundedAmount += d.refundedAmount;
            sapi += d.sapi;
            kambing += d.kambing;
            domba += d.domba;
        }

        void category(String category, long net) {
            switch (category) {
                case "sapi" -> sapi += net;
                case "kambing" -> kambing += net;
                case "domba" -> domba += net;
                default -> {
                    // product.category allows only the three; a line's snapshot comes from there
                }
            }
        }

        long netPaid() {
            return paidTotal - refundedAmount;
        }
    }

    private static final class Product {
        String category;
        long quantity, net;
    }

    @Transactional
    public SalesReport report(DayRange range, GroupBy groupBy) {
        Map<LocalDate, Day> days = new TreeMap<>();
        Map<UUID, Product> products = new HashMap<>();
        List<Object> state = Sql.column(em, "SELECT rolled_through FROM sales_rollup_state WHERE id = 1");
        LocalDate through = state.isEmpty() ? null : Dates.localDate(state.get(0));
        LocalDate rolledEnd = through == null || through.isBefore(range.from()) ? null
                : (through.isBefore(range.to()) ? through : range.to());
        if (rolledEnd != null) {
            rolled(range.from(), rolledEnd, days, products);
        }
        LocalDate liveFrom = rolledEnd == null ? range.from() : rolledEnd.plusDays(1);
        if (!liveFrom.isAfter(range.to())) {
            live(new DayRange(liveFrom, range.to()), days, products);
        }
        return assemble(range, groupBy, days, products);
    }

    private void rolled(LocalDate from, LocalDate to, Map<LocalDate, Day> days, Map<UUID, Product> products) {
        for (Object[] r : Sql.rows(em, "SELECT day, placed, paid, cancelled, expired, refunded, gross, discounts,"
                + " paid_total, refunded_amount, sapi, kambing, domba FROM sales_daily WHERE day BETWEEN ?1 AND ?2",
                from, to)) {
            Day d = day(r);
            d.sapi = Sql.longValue(r[10]);
            d.kambing = Sql.longValue(r[11]);
            d.domba = Sql.longValue(r[12]);
            days.computeIfAbsent(Dates.localDate(r[0]), k -> new Day()).add(d);
        }
        for (Object[] r : Sql.rows(em, "SELECT product_id, category, sum(paid_quantity - refunded_quantity),"
                + " sum(paid_amount - refunded_amount) FROM sales_daily_product WHERE day BETWEEN ?1 AND ?2"
                + " GROUP BY product_id, category", from, to)) {
            product(products, (UUID) r[0], (String) r[1], Sql.longValue(r[2]), Sql.longValue(r[3]));
        }
    }

    private void live(DayRange range, Map<LocalDate, Day> days, Map<UUID, Product> products) {
        for (Object[] r : Sql.rows(em, SalesEvents.DAYS, range.start(), range.end())) {
            days.computeIfAbsent(Dates.localDate(r[0]), d -> new Day()).add(day(r));
        }
        for (Object[] r : Sql.rows(em, SalesEvents.PRODUCTS, range.start(), range.end())) {
            long net = Sql.longValue(r[4]) - Sql.longValue(r[6]);
            days.computeIfAbsent(Dates.localDate(r[0]), d -> new Day()).category((String) r[2], net);
            product(products, (UUID) r[1], (String) r[2], Sql.longValue(r[3]) - Sql.longValue(r[5]), net);
        }
    }

    private static Day day(Object[] r) {
        Day d = new Day();
        d.placed = Sql.longValue(r[1]);
        d.paid = Sql.longValue(r[2]);
        d.cancelled = Sql.longValue(r[3]);
        d.expired = Sql.longValue(r[4]);
        d.refunded = Sql.longValue(r[5]);
        d.gross = Sql.longValue(r[6]);
        d.discounts = Sql.longValue(r[7]);
        d.paidTotal = Sql.longValue(r[8]);
        d.refundedAmount = Sql.longValue(r[9]);
        return d;
    }

    private static void product(Map<UUID, Product> products, UUID id, String category, long quantity, long net) {
        Product p = products.computeIfAbsent(id, k -> new Product());
        p.category = category;
        p.quantity += quantity;
        p.net += net;
    }

    private SalesReport assemble(DayRange range, GroupBy groupBy, Map<LocalDate, Day> days,
                                 Map<UUID, Product> products) {
        // Every period of the range, zero-filled, then each day added to its period.
        Map<LocalDate, Day> periods = new LinkedHashMap<>();
        for (LocalDate start = groupBy.start(range.from()); !start.isAfter(range.to()); start = groupBy.next(start)) {
            periods.put(start, new Day());
        }
        Day total = new Day();
        days.forEach((date, d) -> {
            if (!date.isBefore(range.from()) && !date.isAfter(range.to())) {
                periods.get(groupBy.start(date)).add(d);
                total.add(d);
            }
        });
        List<SalesReport.Period> rows = new ArrayList<>();
        periods.forEach((start, d) -> rows.add(new SalesReport.Period(start, d.placed, d.paid, d.netPaid(),
                new SalesReport.ByCategory(d.sapi, d.kambing, d.domba), d.cancelled, d.expired, d.refunded, d.gross,
                d.discounts, d.refundedAmount)));
        SalesReport.Totals totals = new SalesReport.Totals(total.placed, total.paid, total.cancelled, total.expired,
                total.refunded, total.gross, total.discounts, total.refundedAmount, total.netPaid());
        return new SalesReport(range.from(), range.to(), groupBy.name(), totals, rows, top(products));
    }

    /** The products with the most net paid revenue (then quantity, then id as text, as PostgreSQL orders uuids). */
    private List<SalesReport.TopProduct> top(Map<UUID, Product> products) {
        List<Map.Entry<UUID, Product>> best = products.entrySet().stream()
                .filter(e -> e.getValue().net != 0 || e.getValue().quantity != 0)
                .sorted(Comparator.<Map.Entry<UUID, Product>>comparingLong(e -> -e.getValue().net)
                        .thenComparingLong(e -> -e.getValue().quantity)
                        .thenComparing(e -> e.getKey().toString()))
                .limit(TOP_PRODUCTS)
                .toList();
        if (best.isEmpty()) {
            return List.of();
        }
        Map<UUID, String> names = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (int i = 1; i <= best.size(); i++) {
            in.append(i == 1 ? "?" : ", ?").append(i);
        }
        for (Object[] r : Sql.rows(em, "SELECT id, name FROM product WHERE id IN (" + in + ")",
                best.stream().map(Map.Entry::getKey).toArray())) {
            names.put((UUID) r[0], (String) r[1]);
        }
        return best.stream().map(e -> new SalesReport.TopProduct(e.getKey(), names.get(e.getKey()),
                e.getValue().category, e.getValue().quantity, e.getValue().net)).toList();
    }
}
