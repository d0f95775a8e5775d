package id.qutab.affiliate.stats;

import id.qutab.affiliate.clicks.ReferralConfig;
import id.qutab.affiliate.support.AdvisoryLocks;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;

/**
 * The {@code stats-aggregation} job: rebuilds {@code daily_stats} of a day, for every affiliate, from raw data —
 * clicks (while their raw rows exist, i.e. within the click retention), leads (orders by order day) and
 * commissions (conversions, sales and commission by payment day, voided and clawed-back ones excluded). It
 * repairs any drift of the incremental counts and is idempotent: a second run changes nothing and reports 0.
 * Runs under the stats lock held exclusively, so no increment commits while a day is being recounted.
 */
@ApplicationScoped
public class DailyStatsAggregation {

    private static final String REBUILD = """
            WITH c AS (
                SELECT affiliate_id, count(*) FILTER (WHERE NOT bot) AS clicks,
                       count(*) FILTER (WHERE unique_visit) AS unique_clicks
                FROM click WHERE clicked_at >= ?1 AND clicked_at < ?2 GROUP BY affiliate_id),
            l AS (
                SELECT affiliate_id, count(*) AS orders
                FROM lead WHERE order_created_at >= ?1 AND order_created_at < ?2 GROUP BY affiliate_id),
            m AS (
                SELECT affiliate_id, count(*) AS conversions, sum(sales_amount) AS sales, sum(amount) AS commission
                FROM commission
                WHERE paid_at >= ?1 AND paid_at < ?2 AND voided_at IS NULL AND clawback_at IS NULL
                GROUP BY affiliate_id),
            ids AS (
                SELECT affiliate_id FROM c UNION SELECT affiliate_id FROM l UNION SELECT affiliate_id FROM m
                UNION SELECT affiliate_id FROM daily_stats WHERE day = ?3)
            INSERT INTO daily_stats AS s (affiliate_id, day, clicks, unique_clicks, orders, conversions, sales, commission)
            SELECT ids.affiliate_id, ?3,
                   CASE WHEN ?4 THEN coalesce(c.clicks, 0) ELSE coalesce(d.clicks, 0) END,
                   CASE WHEN ?4 THEN coalesce(c.unique_clicks, 0) ELSE coalesce(d.unique_clicks, 0) END,
                   coalesce(l.orders, 0), coalesce(m.conversions, 0), coalesce(m.sales, 0), coalesce(m.commission, 0)
            FROM ids
            LEFT JOIN c ON c.affiliate_id = ids.affiliate_id
            LEFT JOIN l ON l.affiliate_id = ids.affiliate_id
            LEFT JOIN m ON m.affiliate_id = ids.affiliate_id
            LEFT JOIN daily_stats d ON d.affiliate_id = ids.affiliate_id AND d.day = ?3
            ON CONFLICT (affiliate_id, day) DO UPDATE SET
                clicks = excluded.clicks, unique_clicks = excluded.unique_clicks, orders = excluded.orders,
                conversions = excluded.conversions, sales = excluded.sales, commission = excluded.commission,
                updated_at = now()
            WHERE (s.clicks, s.unique_clicks, s.orders, s.conversions, s.sales, s.commission)
                IS DISTINCT FROM (excluded.clicks, excluded.unique_clicks, excluded.orders, excluded.conversions,
                                  excluded.sales, excluded.commission)""";

    @Inject
    EntityManager em;

    @Inject
    ReferralConfig referral;

    /** Rebuilds one day in its own transaction; returns how many rows changed. */
    public int rebuild(LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> rebuildIn(day, rawClicksKept(day)));
    }

    /** Rebuilds inside the caller's transaction; {@code countRawClicks} false keeps the stored click numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int rebuildIn(LocalDate day, boolean countRawClicks) {
        AdvisoryLocks.exclusive(em, AdvisoryLocks.STATS);
        return Sql.update(em, REBUILD, Jakarta.startOf(day), Jakarta.startOf(day.plusDays(1)), day, countRawClicks);
    }

    /** The first day whose raw clicks are still kept; older days' click numbers exist only in daily_stats. */
    public LocalDate firstDayWithRawClicks() {
        return Jakarta.today().minusDays(referral.clickRetentionDays());
    }

    private boolean rawClicksKept(LocalDate day) {
        return !day.isBefore(firstDayWithRawClicks());
    }
}
