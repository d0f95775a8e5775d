package id.qutab.commerce.reports;

/**
 * The one definition of what happened on a Jakarta day, in SQL: the rollup job stores these rows for closed days and
 * the report computes them live for the days after. Both take the instants {@code ?1 <= t < ?2} (whole Jakarta
 * days), so every part below is an index range (created_at, paid_at, closed_at, refund.created_at).
 * <ul>
 * <li>placed: by created_at; paid (with gross = subtotal, discounts, paid_total = total): by paid_at;
 * cancelled and expired: by closed_at (those statuses are final, so closed_at is the time of that transition);
 * refunded (count and amount): by the refund's created_at, which is the order's closed_at.</li>
 * <li>per product: lines of the orders paid that day ({@code paid_amount} = the line's share of the total after
 * the order discount, already spread in whole rupiah so that the lines add up to the total) and the lines of
 * the orders refunded that day.</li>
 * </ul>
 */
final class SalesEvents {

    private SalesEvents() {
    }

    /** day, placed, paid, cancelled, expired, refunded, gross, discounts, paid_total, refunded_amount. */
    static final String DAYS = """
            SELECT day, sum(placed), sum(paid), sum(cancelled), sum(expired), sum(refunded),
                   sum(gross), sum(discounts), sum(paid_total), sum(refunded_amount)
            FROM (
                SELECT (created_at AT TIME ZONE 'Asia/Jakarta')::date AS day, count(*) AS placed, 0 AS paid,
                       0 AS cancelled, 0 AS expired, 0 AS refunded, 0 AS gross, 0 AS discounts, 0 AS paid_total,
                       0 AS refunded_amount
                FROM customer_order WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1
                UNION ALL
                SELECT (paid_at AT TIME ZONE 'Asia/Jakarta')::date, 0, count(*), 0, 0, 0,
                       sum(subtotal), sum(discount), sum(total), 0
                FROM customer_order WHERE paid_at >= ?1 AND paid_at < ?2 GROUP BY 1
                UNION ALL
                SELECT (closed_at AT TIME ZONE 'Asia/Jakarta')::date, 0, 0,
                       count(*) FILTER (WHERE status = 'CANCELLED'), count(*) FILTER (WHERE status = 'EXPIRED'),
                       0, 0, 0, 0, 0
                FROM customer_order
                WHERE closed_at >= ?1 AND closed_at < ?2 AND status IN ('CANCELLED', 'EXPIRED') GROUP BY 1
                UNION ALL
                SELECT (created_at AT TIME ZONE 'Asia/Jakarta')::date, 0, 0, 0, 0, count(*), 0, 0, 0, sum(amount)
                FROM refund WHERE created_at >= ?1 AND created_at < ?2 GROUP BY 1
            ) e
            GROUP BY day""";

    /** day, product_id, category, paid_quantity, paid_amount, refunded_quantity, refunded_amount. */
    static final String PRODUCTS = """
            SELECT day, product_id, category, sum(pq), sum(pa), sum(rq), sum(ra)
            FROM (
                SELECT (o.paid_at AT TIME ZONE 'Asia/Jakarta')::date AS day, l.product_id, l.category,
                       l.quantity AS pq, l.paid_amount AS pa, 0 AS rq, 0 AS ra
                FROM customer_order o JOIN order_line l ON l.order_id = o.id
                WHERE o.paid_at >= ?1 AND o.paid_at < ?2
                UNION ALL
                SELECT (r.created_at AT TIME ZONE 'Asia/Jakarta')::date, l.product_id, l.category,
                       0, 0, l.quantity, l.paid_amount
                FROM refund r JOIN order_line l ON l.order_id = r.order_id
                WHERE r.created_at >= ?1 AND r.created_at < ?2
            ) e
            GROUP BY day, product_id, category""";
}
