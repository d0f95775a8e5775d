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
import id.qutab.affiliate.support.FrontendConfig;
import id.qutab.affiliate.support.Masking;
import id.qutab.affiliate.support.Sql;
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
        return found.map(l -> {
            Commission c = byOrder.get(l.orderId);
            return new PortalViews.Referral(l.id, l.orderId, l.orderNumber, Masking.name(customerName(l)),
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
                        toInstant(row[3])));
            }
        }
        return found.map(c -> new PortalViews.CommissionItem(c.id, c.orderId, c.orderNumber, c.amount, c.rateBps,
                c.status.name(), c.createdAt, c.paidAt, c.availableAt, c.voidedAt, c.voidedReason, c.paidOutAt,
                clawbacks.get(c.id)));
    }

    private PortalViews.CommissionSummary commissionSummary(UUID affiliateId) {
        long pending = 0;
        long available = 0;
        long paid = 0;
        for (Object[] row : Sql.rows(em, "SELECT status, coalesce(sum(amount), 0) FROM commission"
                + " WHERE affiliate_id = ?1 GROUP BY status", affiliateId)) {
            long sum = Sql.longValue(row[1]);
            switch (CommissionStatus.valueOf((String) row[0])) {
                case PENDING -> pending = sum;
                case AVAILABLE -> available = sum;
                case PAID -> paid = sum;
                default -> {
                }
            }
        }
        long clawedBack = Sql.longValue(em.createNativeQuery(
                        "SELECT coalesce(sum(amount), 0) FROM commission_clawback WHERE affiliate_id = ?1")
                .setParameter(1, affiliateId).getSingleResult());
        return new PortalViews.CommissionSummary(pending, available, paid, clawedBack);
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
        for (Lead l : latest) {
            Commission c = byOrder.get(l.orderId);
            activity.add(new PortalViews.Activity("REFERRAL", l.occurredAt, l.orderId, l.orderNumber,
                    Masking.name(customerName(l)), l.status.name(), c == null ? null : c.amount));
        }
        for (Object[] row : Sql.rows(em, "SELECT status, amount, at FROM payout_activity WHERE affiliate_id = ?1"
                + " ORDER BY at DESC LIMIT " + RECENT, affiliateId)) {
            activity.add(new PortalViews.Activity("PAYOUT_" + row[0], toInstant(row[2]), null, null, null,
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
    private String customerName(Lead l) {
        if (l.customerName != null) {
            return l.customerName;
        }
        if (l.customerUserId == null) {
            return null;
        }
        List<Object> names = Sql.column(em, "SELECT name FROM user_contact WHERE user_id = ?1", l.customerUserId);
        return names.isEmpty() ? null : (String) names.get(0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
