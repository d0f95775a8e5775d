package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.attribution.Lead;
import id.qutab.affiliate.attribution.Leads;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.Commissions;
import id.qutab.affiliate.stats.StatsQueries;
import id.qutab.platform.web.FrontendConfig;
import id.qutab.platform.privacy.Masking;
import id.qutab.platform.persistence.Sql;
import id.qutab.affiliate.tiers.Tier;
import id.qutab.affiliate.tiers.TierCatalog;
import id.qutab.affiliate.tiers.TierRecalculation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/affiliate/dashboard}: the period's numbers from {@code daily_stats} (never from raw clicks), the
 * commission summary from the commission table by status, the tier and the recent activity.
 */
@ApplicationScoped
public class DashboardView {

    private static final int RECENT = 10;

    @Inject
    StatsQueries stats;

    @Inject
    Leads leads;

    @Inject
    TierCatalog tiers;

    @Inject
    TierRecalculation tierRecalculation;

    @Inject
    EntityManager em;

    @Inject
    PortalReads reads;

    @Transactional
    public PortalViews.Dashboard dashboard(Affiliate a, StatsPeriod period) {
        List<StatsQueries.Day> series = stats.series(a.id, period.from(), period.to());
        StatsQueries.Day total = StatsQueries.total(series, period.from());
        StatsQueries.Day today = series.get(series.size() - 1);
        return new PortalViews.Dashboard(period.period(), period.from(), period.to(), total.clicks(),
                total.uniqueClicks(), total.orders(), total.conversions(),
                PortalViews.rate(total.conversions(), total.clicks()), total.sales(), commissionSummary(a.id),
                tier(a), PortalViews.Totals.of(today), recent(a.id));
    }

    /**
     * Commissions by status, except {@code available}: that is payout-service's balance {@code available}, by the
     * same formula (its {@code BalanceCalculator}) over the same facts as this service knows them — matured
     * commissions minus clawbacks, minus payouts paid out, minus payouts requested and not yet paid, failed or
     * rejected. A commission a payout covered only in part thus counts with its remainder, as in the balance.
     * Projected from the payout events rather than asked of payout-service, so the dashboard still works while
     * payout-service is down (it then shows what the last events said).
     */
    private PortalViews.CommissionSummary commissionSummary(UUID affiliateId) {
        Object[] row = Sql.rows(em, """
                SELECT
                  (SELECT coalesce(sum(amount), 0) FROM commission WHERE affiliate_id = ?1 AND status = 'PENDING'),
                  (SELECT coalesce(sum(amount), 0) FROM commission WHERE affiliate_id = ?1 AND status = 'PAID'),
                  (SELECT coalesce(sum(amount), 0) FROM commission
                    WHERE affiliate_id = ?1 AND status IN ('AVAILABLE', 'PAID')),
                  (SELECT coalesce(sum(amount), 0) FROM commission_clawback WHERE affiliate_id = ?1),
                  (SELECT coalesce(sum(amount), 0) FROM payout_activity WHERE affiliate_id = ?1 AND status = 'PAID'),
                  (SELECT coalesce(sum(r.amount), 0) FROM payout_activity r WHERE r.affiliate_id = ?1
                      AND r.status = 'REQUESTED' AND NOT EXISTS (SELECT 1 FROM payout_activity d
                          WHERE d.payout_id = r.payout_id AND d.status IN ('PAID', 'FAILED', 'REJECTED')))""",
                affiliateId).get(0);
        long pending = Sql.longValue(row[0]);
        long paid = Sql.longValue(row[1]);
        long earned = Sql.longValue(row[2]);
        long clawedBack = Sql.longValue(row[3]);
        long paidOut = Sql.longValue(row[4]);
        long reserved = Sql.longValue(row[5]);
        return new PortalViews.CommissionSummary(pending, earned - clawedBack - reserved - paidOut, paid, clawedBack);
    }

    private PortalViews.TierInfo tier(Affiliate a) {
        long sales90d = tierRecalculation.sales90d(a.id);
        List<Tier> ladder = tiers.ladder();
        Tier current = a.tierId == null ? null : ladder.stream().filter(t -> t.id.equals(a.tierId)).findFirst().orElse(null);
        long currentThreshold = current == null ? -1 : current.minSales90d;
        Tier next = ladder.stream().filter(t -> t.minSales90d > currentThreshold)
                .min(Comparator.comparingLong(t -> t.minSales90d)).orElse(null);
        return new PortalViews.TierInfo(current == null ? null : current.name, current == null ? 0 : current.bonusBps,
                sales90d, next == null ? null
                : new PortalViews.NextTier(next.name, next.minSales90d, Math.max(0, next.minSales90d - sales90d)));
    }

    private List<PortalViews.Activity> recent(UUID affiliateId) {
        List<PortalViews.Activity> activity = new ArrayList<>();
        List<Lead> latest = leads.recent(affiliateId, RECENT);
        Map<UUID, Commission> byOrder = reads.commissionsOf(affiliateId, latest.stream().map(l -> l.orderId).toList());
        Map<UUID, String> names = reads.accountNames(latest);
        for (Lead l : latest) {
            Commission c = byOrder.get(l.orderId);
            activity.add(new PortalViews.Activity("REFERRAL", l.occurredAt, l.orderId, l.orderNumber,
                    Masking.name(PortalReads.customerName(l, names)), l.status.name(), c == null ? null : c.amount));
        }
        for (Object[] row : Sql.rows(em, "SELECT status, amount, at FROM payout_activity WHERE affiliate_id = ?1"
                + " ORDER BY at DESC LIMIT " + RECENT, affiliateId)) {
            activity.add(new PortalViews.Activity("PAYOUT_" + row[0], Sql.instant(row[2]), null, null, null,
                    (String) row[0], Sql.longValue(row[1])));
        }
        activity.sort(Comparator.comparing(PortalViews.Activity::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return activity.size() > RECENT ? activity.subList(0, RECENT) : activity;
    }
}
