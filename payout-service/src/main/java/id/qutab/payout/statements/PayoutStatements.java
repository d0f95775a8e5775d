package id.qutab.payout.statements;

import id.qutab.platform.privacy.Masking;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.payout.payouts.Payout;
import id.qutab.payout.payouts.PayoutHistory;
import id.qutab.payout.payouts.PayoutStatus;
import id.qutab.payout.payouts.PayoutViews;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Statement PDFs of paid payouts, for their affiliate ({@code /api/affiliate/payouts/{id}/statement.pdf}, someone
 * else's → 404) and for admins. A payout that is not PAID has no statement yet (409 {@code not-paid}). The
 * period is the span of the earning dates of the commissions it paid.
 */
@ApplicationScoped
public class PayoutStatements {

    @Inject
    PayoutHistory history;

    @Inject
    PayoutViews views;

    @Inject
    BankCatalog banks;

    @Transactional
    public byte[] forAffiliate(UUID userId, UUID payoutId) {
        return render(history.ownedBy(userId, payoutId));
    }

    @Transactional
    public byte[] forAdmin(UUID payoutId) {
        return render(history.get(payoutId));
    }

    private byte[] render(Payout payout) {
        if (payout.status != PayoutStatus.PAID) {
            throw ProblemException.conflict("not-paid", "A statement exists once the payout is paid; this one is "
                    + payout.status + ".");
        }
        List<PayoutStatement.Line> lines = views.commissionsOf(payout).stream()
                .map(c -> new PayoutStatement.Line(c.commissionId(), c.orderId(), c.earnedAt(), c.commissionAmount(),
                        c.allocatedAmount(), c.fullyPaid()))
                .toList();
        Instant from = lines.stream().map(PayoutStatement.Line::earnedAt).min(Comparator.naturalOrder()).orElse(null);
        Instant to = lines.stream().map(PayoutStatement.Line::earnedAt).max(Comparator.naturalOrder()).orElse(null);
        String code = PayoutAccount.<PayoutAccount>findByIdOptional(payout.accountId).map(a -> a.affiliateCode)
                .orElse(null);
        return PayoutStatement.render(new PayoutStatement.Data(payout.id, payout.affiliateId, code,
                payout.status.name(), payout.amount, banks.nameOf(payout.bankCode),
                Masking.lastFour(payout.accountNumber), payout.accountHolder, payout.transferReference,
                payout.requestedAt, payout.paidAt, from, to, lines,
                payout.unallocatedAmount == null ? 0 : payout.unallocatedAmount));
    }
}
