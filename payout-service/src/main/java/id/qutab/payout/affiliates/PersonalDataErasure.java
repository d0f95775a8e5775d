package id.qutab.payout.affiliates;

import id.qutab.payout.accounts.AccountKey;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.ktp.KtpDocuments;
import id.qutab.payout.payouts.Payout;
import id.qutab.payout.payouts.PayoutLock;
import id.qutab.payout.payouts.PayoutProcessing;
import id.qutab.payout.payouts.PayoutStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code identity.user.deleted} removes here, and what it keeps because money moved.
 *
 * <ul>
 *   <li>Erased: the account's account number, holder name and NIK; the KTP images (files deleted, their records
 *       marked erased); the bank details copied onto payouts that never paid (REQUESTED/APPROVED ones are first
 *       rejected with reason {@code account-deleted}, so no money goes to an account whose holder we just
 *       forgot); the contact (name, email).</li>
 *   <li>Kept: ids (account, affiliate, user) and the ledger; PAID payouts with their bank snapshot (bank, account
 *       number, holder) and transfer reference — the record of a transfer that happened, which bookkeeping law
 *       requires us to keep; the KTP access audit (admin ids and times).</li>
 * </ul>
 */
@ApplicationScoped
public class PersonalDataErasure {

    static final String ACCOUNT_DELETED = "account-deleted";

    @Inject
    PayoutLock lock;

    @Inject
    KtpDocuments ktp;

    @Inject
    PayoutProcessing processing;

    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseUser(UUID userId, Instant now) {
        AccountKey key = PayoutAccount.keyOfUser(userId).orElse(null);
        if (key == null) {
            return;
        }
        lock.lock(key.affiliateId());
        PayoutAccount account = PayoutAccount.findById(key.id());
        List<Payout> payouts = Payout.list("accountId", account.id);
        for (Payout payout : payouts) {
            if (payout.status.isOpen()) {
                processing.rejectBySystem(payout, ACCOUNT_DELETED);
            }
            if (payout.status != PayoutStatus.PAID) {
                payout.accountNumber = null;
                payout.accountHolder = null;
            }
        }
        ktp.erase(account.id, now);
        if (account.anonymizedAt == null) {
            account.anonymize(now);
        }
    }
}
