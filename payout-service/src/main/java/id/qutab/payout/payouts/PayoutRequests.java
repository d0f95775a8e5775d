package id.qutab.payout.payouts;

import id.qutab.payout.accounts.AccountKey;
import id.qutab.payout.accounts.BankAccounts;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.balances.Balance;
import id.qutab.payout.balances.BalanceCalculator;
import id.qutab.payout.ledger.LedgerEntry;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * An affiliate asks to be paid. One transaction, holding the affiliate's {@link PayoutLock} from its first
 * statement, decides on a ledger nobody else is changing:
 *
 * <ol>
 *   <li>the same {@code Idempotency-Key} again → the payout it created (same amount), or 422
 *       {@code idempotency-key-reused} (another amount);</li>
 *   <li>the account is {@code VERIFIED} → else 422 {@code account-not-verified};</li>
 *   <li>amount ≥ {@code qutab.payout.minimum} → else 422 {@code below-minimum};</li>
 *   <li>no open payout (REQUESTED/APPROVED) → else 422 {@code open-payout-exists};</li>
 *   <li>amount ≤ available, computed now → else 422 {@code insufficient-balance}.</li>
 * </ol>
 * Then the payout is recorded with a snapshot of the verified bank details, the available balance and ledger
 * position it was decided on, and {@code payout.payout.requested} goes into the outbox in the same transaction.
 */
@ApplicationScoped
public class PayoutRequests {

    @Inject
    PayoutLock lock;

    @Inject
    BalanceCalculator balances;

    @Inject
    PayoutConfig config;

    @Inject
    PayoutEventPublisher events;

    @Inject
    PayoutViews views;

    /** The payout, and whether this answer repeats an earlier request with the same key. */
    public record Outcome(PayoutViews.PayoutView payout, boolean replayed) {
    }

    @Transactional
    public Outcome request(UUID userId, long amount, String idempotencyKey) {
        AccountKey key = BankAccounts.requireAccountOf(userId);
        lock.lock(key.affiliateId());

        if (idempotencyKey != null) {
            Payout earlier = Payout.byIdempotencyKey(key.affiliateId(), idempotencyKey).orElse(null);
            if (earlier != null) {
                if (earlier.amount != amount) {
                    throw ProblemException.rule("idempotency-key-reused",
                            "This Idempotency-Key was already used for a request with another amount.");
                }
                return new Outcome(views.of(earlier, false), true);
            }
        }
        PayoutAccount account = PayoutAccount.findById(key.id());
        if (!account.isVerified()) {
            throw ProblemException.rule("account-not-verified",
                    "Payouts need verified bank details; this account is " + account.verificationStatus + ".");
        }
        if (amount < config.minimum()) {
            throw ProblemException.rule("below-minimum",
                    "The smallest payout is " + Rupiah.format(config.minimum()) + ".");
        }
        if (Payout.hasOpen(key.affiliateId())) {
            throw ProblemException.rule("open-payout-exists",
                    "There is already a payout request in progress; wait until it is paid, failed or rejected.");
        }
        Balance balance = balances.balanceOf(key.affiliateId());
        if (amount > balance.available()) {
            throw ProblemException.rule("insufficient-balance", balance.available() < 0
                    ? "The available balance is negative (" + Rupiah.format(balance.available())
                    + "): a clawback must be covered by new commissions first."
                    : "The available balance is " + Rupiah.format(balance.available()) + ".");
        }

        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.affiliateId = key.affiliateId();
        payout.accountId = account.id;
        payout.amount = amount;
        payout.status = PayoutStatus.REQUESTED;
        payout.bankCode = account.bankCode;
        payout.accountNumber = account.accountNumber;
        payout.accountHolder = account.accountHolder;
        payout.availableBefore = balance.available();
        payout.ledgerPosition = LedgerEntry.positionOf(key.affiliateId());
        payout.idempotencyKey = idempotencyKey;
        payout.requestedAt = Instant.now();
        payout.persist();
        events.requested(payout);
        return new Outcome(views.of(payout, false), false);
    }
}
