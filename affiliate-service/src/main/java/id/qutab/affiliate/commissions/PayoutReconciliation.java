package id.qutab.affiliate.commissions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * A payout that paid a commission out ({@code payout.payout.paid}, kept in {@link PaidOutCommissions} even when it
 * came before the commission) makes the commission PAID, with the earliest such payout of its own affiliate.
 *
 * <p>The one way out of VOIDED: the payout and the refund come from different producers with no order between
 * them, so a refund can be applied here before the payout that had already paid the commission out. The money did
 * go out, so the commission becomes PAID ({@link #paidOutBeforeTheVoidWasKnown}) and the closed order then claws it
 * back ({@link CommissionClawback}); it never returns to PENDING or AVAILABLE.
 */
@ApplicationScoped
public class PayoutReconciliation {

    private static final Logger LOG = Logger.getLogger(PayoutReconciliation.class);

    @Inject
    PaidOutCommissions paidOut;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Commission c) {
        if (c.status == CommissionStatus.PAID) {
            return;
        }
        PaidOutCommissions.Allocation payout = paidOut.first(c.id, c.affiliateId);
        if (payout == null) {
            return;
        }
        if (c.status == CommissionStatus.VOIDED) {
            paidOutBeforeTheVoidWasKnown(c, payout);
        }
        c.status = CommissionStatus.PAID;
        c.payoutId = payout.payoutId();
        c.paidOutAt = payout.paidAt();
        c.updatedAt = Instant.now();
    }

    /** The void is withdrawn because the payout preceded it; the order's closing is booked as a clawback instead. */
    private static void paidOutBeforeTheVoidWasKnown(Commission c, PaidOutCommissions.Allocation payout) {
        LOG.warnf("commission %s was voided (%s) but had been paid out by %s; it becomes PAID and is clawed back",
                c.id, c.voidedReason, payout.payoutId());
        c.voidedAt = null;
        c.voidedReason = null;
    }
}
