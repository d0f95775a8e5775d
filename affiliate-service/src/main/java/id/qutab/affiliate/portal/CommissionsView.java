package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.CommissionStatus;
import id.qutab.affiliate.commissions.Commissions;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code GET /api/affiliate/commissions}: the affiliate's commissions with their clawback, if any. */
@ApplicationScoped
public class CommissionsView {

    @Inject
    Commissions commissions;

    @Inject
    EntityManager em;

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
}
