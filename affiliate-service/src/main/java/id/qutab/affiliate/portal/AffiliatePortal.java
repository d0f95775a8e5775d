package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.attribution.Lead;
import id.qutab.affiliate.attribution.LeadStatus;
import id.qutab.affiliate.attribution.Leads;
import id.qutab.affiliate.clicks.ReferralConfig;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.CommissionStatus;
import id.qutab.affiliate.commissions.Commissions;
import id.qutab.affiliate.stats.StatsQueries;
import id.qutab.platform.web.FrontendConfig;
import id.qutab.platform.privacy.Masking;
import id.qutab.platform.persistence.Sql;
import id.qutab.affiliate.tiers.Tier;
import id.qutab.affiliate.tiers.TierCatalog;
import id.qutab.affiliate.tiers.TierRecalculation;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The affiliate's own numbers. Every read is scoped to the calling affiliate's id; click, order, sales and
 * commission numbers come from {@code daily_stats} (never from raw clicks), the commission summary from the
 * commission table by status.
 */
@ApplicationScoped
public class AffiliatePortal {

    private static final int RECENT = 10;

    @Inject
    StatsQueries stats;

    @Inject
    Leads leads;

    @Inject
    Commissions commissions;

    @Inject
    TierCatalog tiers;

    @Inject
    TierRecalculation tierRecalculation;

    @Inject
    FrontendConfig frontend;

    @Inject
    ReferralConfig referral;

    @Inject
    EntityManager em;

    public PortalViews.Link link(Affiliate a) {
        String base = referral.linkBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s : s + "/").orElse(frontend.base());
        return new PortalViews.Link(a.code, base + "r/" + a.code, a.active());
    }

    @Transactional
    public PortalViews.Stats stats(Affiliate a, StatsPeriod period) {
        List<StatsQueries.Day> series = stats.series(a.id, period.from(), period.to());
        return new PortalViews.Stats(period.period(), period.from(), period.to(),
                series.stream().map(PortalViews.SeriesDay::of).toList(),
                PortalViews.Totals.of(StatsQueries.total(series, period.from())));
    }

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

    @Transactional
    public Page<PortalViews.Referral> referrals(Affiliate a, LeadStatus status, PageRequest page) {
        Page<Lead> found = leads.ofAffiliate(a.id, status, page);
        Map<UUID, Commission> byOrder = commissionsOf(a.id, found.items().stream().map(l -> l.orderId).toList());
        Map<UUID, String> names = accountNames(found.items());
        return found.map(l -> {
            Commission c = byOrder.get(l.orderId);
            return new PortalViews.Referral(l.id, l.orderId, l.orderNumber, Masking.name(customerName(l, names)),
                    l.status.name(), l.source.name(), l.orderTotal, c == null ? null : c.amount,
                    c == null ? null : c.status.name(), l.occurredAt, l.confirmedAt, l.paidOutAt, l.cancelledAt);
        });
    }

    @Transactional
    public Page<PortalViews.CommissionItem> commissions(Affiliate a, CommissionStatus status, PageRequest page) {
        Page<Commission> found = commissions.ofAffiliate(a.id, status, page);
        Map<UUID, PortalViews.Clawback> clawbacks = new HashMap<>();
        List<UUID> ids = found.items().stream().filter(c -> c.clawbackAt != null).map(c -> c.id).toList();
        if (!ids.isEmpty()) {
            for (Object[] row : Sql.rows(em, "SELECT commission_id, amount, reason, created_at FROM commission_clawback"
                    + " WHERE commission_id IN (?1)", ids)) {
                clawbacks.put((UUID) row[0], new PortalViews.Clawback(Sql.longValue(row[1]), (String) row[2],
                        Sql.instant(row[3])));
            }
        }
        return found.map(c -> new PortalViews.CommissionItem(c.id, c.orderId, c.orderNumber, c.amount, c.rateBps,
                c.status.name(), c.createdAt, c.paidAt, c.availableAt, c.voidedAt, c.voidedReason, c.paidOutAt,
                clawbacks.get(c.id)));
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
        Map<UUID, Commission> byOrder = commissionsOf(affiliateId, latest.stream().map(l -> l.orderId).toList());
        Map<UUID, String> names = accountNames(latest);
        for (Lead l : latest) {
            Commission c = byOrder.get(l.orderId);
            activity.add(new PortalViews.Activity("REFERRAL", l.occurredAt, l.orderId, l.orderNumber,
                    Masking.name(customerName(l, names)), l.status.name(), c == null ? null : c.amount));
        }
        for (Object[] row : Sql.rows(em, "SELECT status, amount, at FROM payout_activity WHERE affiliate_id = ?1"
                + " ORDER BY at DESC LIMIT " + RECENT, affiliateId)) {
            activity.add(new PortalViews.Activity("PAYOUT_" + row[0], Sql.instant(row[2]), null, null, null,
                    (String) row[0], Sql.longValue(row[1])));
        }
        activity.sort(Comparator.comparing(PortalViews.Activity::at, Comparator.nullsLast(Comparator.reverseOrder())));
        return activity.size() > RECENT ? activity.subList(0, RECENT) : activity;
    }

    private Map<UUID, Commission> commissionsOf(UUID affiliateId, List<UUID> orderIds) {
        Map<UUID, Commission> byOrder = new HashMap<>();
        if (!orderIds.isEmpty()) {
            commissions.list("affiliateId = ?1 and orderId in ?2", affiliateId, orderIds)
                    .forEach(c -> byOrder.put(c.orderId, c));
        }
        return byOrder;
    }

    /** The name given at order time, else the customer's account name (both erased when the account is deleted). */
    private static String customerName(Lead l, Map<UUID, String> accountNames) {
        return l.customerName != null ? l.customerName
                : l.customerUserId == null ? null : accountNames.get(l.customerUserId);
    }

    /** Account names of the buyers of the leads that need one, in one query (never one per lead). */
    private Map<UUID, String> accountNames(List<Lead> shown) {
        List<UUID> users = shown.stream().filter(l -> l.customerName == null && l.customerUserId != null)
                .map(l -> l.customerUserId).distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        if (!users.isEmpty()) {
            for (Object[] row : Sql.rows(em, "SELECT user_id, name FROM user_contact WHERE user_id IN (?1)", users)) {
                names.put((UUID) row[0], (String) row[1]);
            }
        }
        return names;
    }

}
