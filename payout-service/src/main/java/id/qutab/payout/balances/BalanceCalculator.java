package id.qutab.payout.balances;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * An affiliate's balance, derived in one statement (one consistent snapshot) from the commission ledger and
 * the payouts; there is no balance column anywhere.
 *
 * <pre>
 * pending   = Σ amount of commissions in PENDING
 * earned    = Σ amount of commissions in AVAILABLE or CLAWED_BACK   (matured; a clawback does not rewrite it)
 * clawbacks = Σ clawback amount of commissions in CLAWED_BACK       (the negative entries)
 * reserved  = Σ amount of payouts REQUESTED or APPROVED
 * paidOut   = Σ amount of payouts PAID
 * available = earned − clawbacks − reserved − paidOut               (may be negative: it then blocks payouts)
 * </pre>
 *
 * VOIDED commissions count nowhere. FAILED and REJECTED payouts count nowhere, so their amount is available again.
 * Inside a payout request it runs under the affiliate's {@code PayoutLock}, which every ledger change also takes.
 */
@ApplicationScoped
public class BalanceCalculator {

    private static final String TOTALS = """
            SELECT
              (SELECT COALESCE(SUM(amount), 0) FROM ledger_commission
                WHERE affiliate_id = :a AND state = 'PENDING'),
              (SELECT COALESCE(SUM(amount), 0) FROM ledger_commission
                WHERE affiliate_id = :a AND state IN ('AVAILABLE', 'CLAWED_BACK')),
              (SELECT COALESCE(SUM(clawback_amount), 0) FROM ledger_commission
                WHERE affiliate_id = :a AND state = 'CLAWED_BACK'),
              (SELECT COALESCE(SUM(amount), 0) FROM payout
                WHERE affiliate_id = :a AND status IN ('REQUESTED', 'APPROVED')),
              (SELECT COALESCE(SUM(amount), 0) FROM payout
                WHERE affiliate_id = :a AND status = 'PAID')""";

    @Inject
    EntityManager em;

    /** The parts the balance is made of, for the formula above. */
    public record Totals(long pending, long earned, long clawbacks, long reserved, long paidOut) {
        public Balance balance() {
            return new Balance(pending, earned - clawbacks - reserved - paidOut, reserved, paidOut);
        }
    }

    @Transactional
    public Balance balanceOf(UUID affiliateId) {
        return totalsOf(affiliateId).balance();
    }

    @Transactional
    public Totals totalsOf(UUID affiliateId) {
        Object[] row = (Object[]) em.createNativeQuery(TOTALS).setParameter("a", affiliateId).getSingleResult();
        return new Totals(n(row[0]), n(row[1]), n(row[2]), n(row[3]), n(row[4]));
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }
}
