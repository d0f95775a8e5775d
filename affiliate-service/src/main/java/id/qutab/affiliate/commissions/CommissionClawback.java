package id.qutab.affiliate.commissions;

import id.qutab.affiliate.attribution.TrackedOrder;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * A cancelled, expired or refunded order whose commission was already paid out (DESIGN.md rule 3): the commission
 * stays PAID (history is not rewritten); a clawback record and {@code affiliate.commission.clawback} for
 * payout-service to book a negative entry, once. Under the commission's row lock, in the transaction of the event
 * that closed the order (or of the payout that turned out to have paid it out).
 */
@ApplicationScoped
public class CommissionClawback {

    private static final Logger LOG = Logger.getLogger(CommissionClawback.class);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void clawBack(Commission c, TrackedOrder order) {
        if (c.clawbackAt != null) {
            return;
        }
        c.clawbackAt = order.closedAt;
        c.updatedAt = Instant.now();
        String reason = order.closeDescription();
        Sql.update(em, """
                INSERT INTO commission_clawback (commission_id, affiliate_id, order_id, amount, reason, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (commission_id) DO NOTHING""",
                c.id, c.affiliateId, c.orderId, c.amount, reason, order.closedAt);
        outbox.record(CommissionEvents.CLAWBACK, c.id.toString(), new CommissionEvents.Clawback(c.id, c.affiliateId,
                c.orderId, c.amount, reason, order.closedAt, c.payoutId));
        LOG.infof("commission %s was paid out; clawback of %d recorded (%s)", c.id, c.amount, order.closeType);
    }
}
