package id.qutab.payout.payouts;

import id.qutab.payout.balances.Balance;
import id.qutab.payout.balances.BalanceCalculator;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Before an admin moves money forward (approve, mark paid), the balance is derived again, under the affiliate's
 * {@link PayoutLock} that every ledger event also takes: a void or clawback that arrived after the request must
 * not be paid out. The open payout is already in {@code reserved}, and approving or paying only moves it to
 * {@code paidOut}, so "the ledger still covers it, given everything else" is exactly {@code available ≥ 0} now.
 * Otherwise the step is refused with 409 {@code payout-not-covered} and nothing changes; the admin rejects the
 * payout and the affiliate may request what is left.
 */
@ApplicationScoped
public class PayoutCoverage {

    private static final Logger LOG = Logger.getLogger(PayoutCoverage.class);

    @Inject
    BalanceCalculator balances;

    @Transactional(Transactional.TxType.MANDATORY)
    public void require(Payout payout, String step) {
        Balance balance = balances.balanceOf(payout.affiliateId);
        if (balance.available() >= 0) {
            return;
        }
        long covered = Math.max(0, payout.amount + balance.available());
        LOG.infof("refused to %s payout %s: the ledger covers %d of its %d", step, payout.id, covered, payout.amount);
        throw new ProblemException(Problem.of(409, "payout-not-covered", "Payout no longer covered",
                "Commissions were voided or clawed back after this payout was requested: the affiliate's ledger now"
                        + " covers " + Rupiah.format(covered) + " of its " + Rupiah.format(payout.amount)
                        + " (the available balance would stay at " + Rupiah.format(balance.available())
                        + "). Cannot " + step + " it. Reject this payout; the affiliate can then request what is"
                        + " available."));
    }
}
