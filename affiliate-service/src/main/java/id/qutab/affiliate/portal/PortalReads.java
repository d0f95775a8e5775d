package id.qutab.affiliate.portal;

import id.qutab.affiliate.attribution.Lead;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.Commissions;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads shared by the referral list and the dashboard's recent activity; every read is scoped to one affiliate. */
@ApplicationScoped
class PortalReads {

    @Inject
    Commissions commissions;

    @Inject
    EntityManager em;

    /** The affiliate's commissions of these orders, by order id, in one query. */
    Map<UUID, Commission> commissionsOf(UUID affiliateId, List<UUID> orderIds) {
        Map<UUID, Commission> byOrder = new HashMap<>();
        if (!orderIds.isEmpty()) {
            commissions.list("affiliateId = ?1 and orderId in ?2", affiliateId, orderIds)
                    .forEach(c -> byOrder.put(c.orderId, c));
        }
        return byOrder;
    }

    /**
     * The customer's account name (from identity's events; erased when the account is deleted). Commerce's order
     * events carry no name, so {@code lead.customer_name} is never set.
     */
    static String customerName(Lead l, Map<UUID, String> accountNames) {
        return l.customerUserId == null ? null : accountNames.get(l.customerUserId);
    }

    /** Account names of the buyers of the leads that need one, in one query (never one per lead). */
    Map<UUID, String> accountNames(List<Lead> shown) {
        List<UUID> users = shown.stream().filter(l -> l.customerUserId != null)
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
