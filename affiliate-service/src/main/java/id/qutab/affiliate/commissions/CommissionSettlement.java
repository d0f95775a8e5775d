package id.qutab.affiliate.commissions;

import id.qutab.affiliate.attribution.TrackedOrder;
import id.qutab.affiliate.stats.StatsIncrements;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * Brings an existing (locked) commission in line with everything known about its order and its payouts, in any
 * order those facts arrived; idempotent:
 * <ul>
 *   <li>completion is noted (the maturation job then needs only time);</li>
 *   <li>a payout naming it makes it PAID ({@link PayoutReconciliation});</li>
 *   <li>a closed order voids it ({@link CommissionVoiding}), or claws it back when it was already paid out
 *       ({@link CommissionClawback});</li>
 *   <li>a commission leaving the counted states takes its conversion out of the stats.</li>
 * </ul>
 * A voided commission never returns to PENDING or AVAILABLE.
 */
@ApplicationScoped
public class CommissionSettlement {

    @Inject
    PayoutReconciliation payouts;

    @Inject
    CommissionVoiding voiding;

    @Inject
    CommissionClawback clawback;

    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(Commission c, TrackedOrder order, StatsIncrements.Changes stats) {
        boolean counted = c.counted();
        if (order.completedAt != null && c.orderCompletedAt == null) {
            c.orderCompletedAt = order.completedAt;
            c.updatedAt = Instant.now();
        }
        if (order.orderNumber != null && c.orderNumber == null) {
            c.orderNumber = order.orderNumber;
        }
        payouts.apply(c);
        if (order.closed()) {
            switch (c.status) {
                case PENDING, AVAILABLE -> voiding.voidFor(c, order);
                case PAID -> clawback.clawBack(c, order);
                case VOIDED -> voiding.keepEarliestClosing(c, order);
            }
        }
        if (counted && !c.counted()) {
            stats.conversion(c.affiliateId, c.paidAt, -1, c.salesAmount, c.amount);
        }
    }
}
