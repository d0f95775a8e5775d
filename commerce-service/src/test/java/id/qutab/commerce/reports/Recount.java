package id.qutab.commerce.reports;

import id.qutab.testing.TestDb;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sales numbers recounted straight from the orders, refunds and lines, written independently of the
 * service's SQL: one day at a time by date equality in Asia/Jakarta, refunds from the orders' status and total.
 */
final class Recount {

    /** placed, paid, cancelled, expired, refunded, gross, discounts, refundedAmount, netPaid, sapi, kambing, domba. */
    static final List<String> FIELDS = List.of("ordersPlaced", "ordersPaid", "cancelled", "expired", "refunded",
            "gross", "discounts", "refundedAmount", "netPaid", "sapi", "kambing", "domba");

    private static final String DAY = " AT TIME ZONE 'Asia/Jakarta')::date = d::date";

    private Recount() {
    }

    static Map<LocalDate, long[]> days(TestDb db, LocalDate from, LocalDate to) {
        String paidLines = "(SELECT COALESCE(sum(l.paid_amount), 0) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                + " WHERE l.category = '%s' AND (o.paid_at" + DAY + ")";
        String refundedLines = "(SELECT COALESCE(sum(l.paid_amount), 0) FROM order_line l JOIN customer_order o ON o.id = l.order_id"
                + " WHERE l.category = '%s' AND o.status = 'REFUNDED' AND (o.closed_at" + DAY + ")";
        String sql = "SELECT d::date,"
                + " (SELECT count(*) FROM customer_order WHERE (created_at" + DAY + "),"
                + " (SELECT count(*) FROM customer_order WHERE (paid_at" + DAY + "),"
                + " (SELECT count(*) FROM customer_order WHERE status = 'CANCELLED' AND (closed_at" + DAY + "),"
                + " (SELECT count(*) FROM customer_order WHERE status = 'EXPIRED' AND (closed_at" + DAY + "),"
                + " (SELECT count(*) FROM customer_order WHERE status = 'REFUNDED' AND (closed_at" + DAY + "),"
                + " (SELECT COALESCE(sum(subtotal), 0) FROM customer_order WHERE (paid_at" + DAY + "),"
                + " (SELECT COALESCE(sum(discount), 0) FROM customer_order WHERE (paid_at" + DAY + "),"
                + " (SELECT COALESCE(sum(total), 0) FROM customer_order WHERE status = 'REFUNDED' AND (closed_at" + DAY + "),"
                + " (SELECT COALESCE(sum(total), 0) FROM customer_order WHERE (paid_at" + DAY + "),"
                + " " + paidLines.formatted("sapi") + " - " + refundedLines.formatted("sapi") + ","
                + " " + paidLines.formatted("kambing") + " - " + refundedLines.formatted("kambing") + ","
                + " " + paidLines.formatted("domba") + " - " + refundedLines.formatted("domba")
                + " FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') d ORDER BY 1";
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (List<Object> r : db.rows(sql, from, to)) {
            long[] v = new long[12];
            for (int i = 0; i < 5; i++) {
                v[i] = ((Number) r.get(i + 1)).longValue();
            }
            v[5] = ((Number) r.get(6)).longValue();
            v[6] = ((Number) r.get(7)).longValue();
            v[7] = ((Number) r.get(8)).longValue();
            v[8] = ((Number) r.get(9)).longValue() - v[7];
            v[9] = ((Number) r.get(10)).longValue();
            v[10] = ((Number) r.get(11)).longValue();
            v[11] = ((Number) r.get(12)).longValue();
            days.put(((java.sql.Date) r.get(0)).toLocalDate(), v);
        }
        return days;
    }

    /** Days summed into the periods that {@code start} maps them to (first day of the week/month). */
    static Map<LocalDate, long[]> periods(Map<LocalDate, long[]> days, java.util.function.UnaryOperator<LocalDate> start) {
        Map<LocalDate, long[]> periods = new LinkedHashMap<>();
        days.forEach((day, v) -> {
            long[] p = periods.computeIfAbsent(start.apply(day), k -> new long[12]);
            for (int i = 0; i < 12; i++) {
                p[i] += v[i];
            }
        });
        return periods;
    }

    static long[] total(Map<LocalDate, long[]> days) {
        long[] t = new long[12];
        days.values().forEach(v -> {
            for (int i = 0; i < 12; i++) {
                t[i] += v[i];
            }
        });
        return t;
    }

    /** Top products: product id, quantity, net paid; the same order as the report. */
    static List<List<Object>> topProducts(TestDb db, LocalDate from, LocalDate to) {
        return db.rows("""
                SELECT product_id, sum(q), sum(a) FROM (
                    SELECT l.product_id, l.quantity AS q, l.paid_amount AS a
                    FROM order_line l JOIN customer_order o ON o.id = l.order_id
                    WHERE (o.paid_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN ? AND ?
                    UNION ALL
                    SELECT l.product_id, -l.quantity, -l.paid_amount
                    FROM order_line l JOIN customer_order o ON o.id = l.order_id
                    WHERE o.status = 'REFUNDED' AND (o.closed_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN ? AND ?
                ) x GROUP BY product_id HAVING sum(q) <> 0 OR sum(a) <> 0
                ORDER BY sum(a) DESC, sum(q) DESC, CAST(product_id AS text) LIMIT 10""", from, to, from, to);
    }
}
