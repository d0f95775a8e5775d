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
 * A cancelled, expired or refunded order takes its commission back (DESIGN.md rule 3):
 * <ul>
 *   <li>PENDING or AVAILABLE → VOIDED with the reason and the time of the order's closing;
 *       {@code affiliate.commission.voided}.</li>
 *   <li>PAID (already paid out) → stays PAID; a clawback record and {@code affiliate.commission.clawback} for
 *       payout-service to book a negative entry. History is not rewritten.</li>
 * </ul>
 * Both happen under the commission's row lock, in the transaction of the event that closed the order.
 */
@ApplicationScoped
public class CommissionVoiding {

    private static final Logger LOG = Logger.getLogger(CommissionVoiding.class);

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void voidFor(Commission c, TrackedOrder order) {
        CommissionStatus previous = c.status;
        c.status = CommissionStatus.VOIDED;
        c.voidedAt = order.closedAt;
        c.voidedReason = order.closeDescription();
        c.updatedAt = Instant.now();
        outbox.record(CommissionEvents.VOIDED, c.id.toString(), new CommissionEvents.Voided(c.id, c.affiliateId,
                c.orderId, c.amount, c.status.name(), c.voidedReason, c.voidedAt, previous.name()));
        LOG.infof("commission %s voided (%s)", c.id, order.closeType);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void clawback(Commission c, TrackedOrder order) {
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
