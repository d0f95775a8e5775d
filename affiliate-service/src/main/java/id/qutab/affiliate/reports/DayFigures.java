package id.qutab.affiliate.reports;

/**
 * The program's figures of one Jakarta day, as one SQL shape shared by the roll-up ({@link ReportRollup}) and the
 * live part of the report ({@link AffiliateReport}), so a rolled-up day and a live day can never be counted by two
 * definitions. The daily_stats columns keep the affiliates' dashboard definitions (clicks without bots, leads by
 * order day, conversions and their commission by payment day minus voided and clawed-back ones); the commission
 * movements are counted on the day each happened.
 */
final class DayFigures {

    /** The columns, in this order, of {@link #over(String)} and of {@code report_day}. */
    static final String COLUMNS = "day, clicks, unique_clicks, leads, conversions, commission, created_count,"
            + " created_amount, matured_count, matured_amount, voided_count, voided_amount, clawback_count,"
            + " clawback_amount";

    private DayFigures() {
    }

    /** The figures of every day of {@code days}, a subquery with one DATE column named {@code day}. */
    static String over(String days) {
        return """
                SELECT d.day, ds.clicks, ds.unique_clicks, ds.leads, ds.conversions, ds.commission,
                       cr.n, cr.amount, ma.n, ma.amount, vo.n, vo.amount, cb.n, cb.amount
                FROM (SELECT x.day, x.day::timestamp AT TIME ZONE 'Asia/Jakarta' AS s,
                             (x.day + 1)::timestamp AT TIME ZONE 'Asia/Jakarta' AS e FROM (%s) x) d
                CROSS JOIN LATERAL (
                    SELECT coalesce(sum(clicks), 0) AS clicks, coalesce(sum(unique_clicks), 0) AS unique_clicks,
                           coalesce(sum(orders), 0) AS leads, coalesce(sum(conversions), 0) AS conversions,
                           coalesce(sum(commission), 0) AS commission
                    FROM daily_stats WHERE daily_stats.day = d.day) ds
                CROSS JOIN LATERAL (SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM commission
                    WHERE created_at >= d.s AND created_at < d.e) cr
                CROSS JOIN LATERAL (SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM commission
                    WHERE available_at >= d.s AND available_at < d.e) ma
                CROSS JOIN LATERAL (SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM commission
                    WHERE voided_at >= d.s AND voided_at < d.e) vo
                CROSS JOIN LATERAL (SELECT count(*) AS n, coalesce(sum(amount), 0) AS amount FROM commission_clawback
                    WHERE created_at >= d.s AND created_at < d.e) cb""".formatted(days);
    }
}
