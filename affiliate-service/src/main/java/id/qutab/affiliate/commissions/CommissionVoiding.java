package id.qutab.affiliate.commissions;

import id.qutab.affiliate.attribution.TrackedOrder;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Objects;

/**
 * A cancelled, expired or refunded order voids its commission not yet paid out (DESIGN.md rule 3): PENDING or
 * AVAILABLE → VOIDED with the reason and the time of the order's closing; {@code affiliate.commission.voided}.
 * Under the commission's row lock, in the transaction of the event that closed the order. A paid-out commission is
 * clawed back instead ({@link CommissionClawback}).
 */
@ApplicationScoped
public class CommissionVoiding {

    private static final Logger LOG = Logger.getLogger(CommissionVoiding.class);

    @Inject
    Outbox outbox;

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

    /** An earlier closing of the order arrived late: the void dates from it (the earliest closing wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepEarliestClosing(Commission c, TrackedOrder order) {
        if (!Objects.equals(c.voidedAt, order.closedAt)) {
            c.voidedAt = order.closedAt;
            c.voidedReason = order.closeDescription();
            c.updatedAt = Instant.now();
        }
    }
}
