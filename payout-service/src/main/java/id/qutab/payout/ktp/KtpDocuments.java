package id.qutab.payout.ktp;

import id.qutab.payout.accounts.AccountKey;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.payouts.PayoutLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The database side of the KTP vault: which document is an account's current one. Files the database no longer
 * points at are deleted only after the transaction that let go of them committed.
 */
@ApplicationScoped
public class KtpDocuments {

    @Inject
    PayoutLock lock;

    @Inject
    KtpVault vault;

    @Inject
    Event<ObsoleteFiles> obsolete;

    /** Storage names to delete once the current transaction has committed. */
    public record ObsoleteFiles(List<String> storageNames) {
    }

    /** Makes a freshly stored file the account's KTP; the previous one is superseded and its file deleted. */
    @Transactional
    public void replace(AccountKey key, String storageName, KtpVault.Sealed sealed,
                        KtpImageValidator.ValidImage image, int plaintextBytes) {
        lock.lock(key.affiliateId());
        Instant now = Instant.now();
        List<String> old = new ArrayList<>();
        KtpDocument.currentOf(key.id()).ifPresent(previous -> {
            previous.supersededAt = now;
            old.add(previous.storageName);
        });
        KtpDocument.flush(); // the "one current document" index must see the old one go before the new one comes
        KtpDocument document = new KtpDocument();
        document.id = UUID.randomUUID();
        document.accountId = key.id();
        document.storageName = storageName;
        document.keyId = sealed.keyId();
        document.iv = sealed.iv();
        document.contentType = image.contentType();
        document.plaintextBytes = plaintextBytes;
        document.width = image.width();
        document.height = image.height();
        document.uploadedAt = now;
        document.persist();
        PayoutAccount account = PayoutAccount.findById(key.id());
        account.resetVerification(true, now);
        if (!old.isEmpty()) {
            obsolete.fire(new ObsoleteFiles(old));
        }
    }

    /** identity.user.deleted: the account's KTP images are erased (files deleted after commit, records kept). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(UUID accountId, Instant now) {
        List<KtpDocument> documents = KtpDocument.list("accountId = ?1 and erasedAt is null", accountId);
        List<String> files = new ArrayList<>();
        for (KtpDocument document : documents) {
            document.erasedAt = now;
            files.add(document.storageName);
        }
        if (!files.isEmpty()) {
            obsolete.fire(new ObsoleteFiles(files));
        }
    }

    /**
     * Re-seals one current document under the active key (new IV, new file); the old file goes after commit.
     * @return false when there was nothing to do (already on the active key, superseded, erased)
     */
    @Transactional
    public boolean rekey(UUID documentId) {
        KtpDocument peek = KtpDocument.findById(documentId);
        if (peek == null) {
            return false;
        }
        AccountKey key = PayoutAccount.keyOf(peek.accountId).orElseThrow();
        lock.lock(key.affiliateId());
        KtpDocument.getEntityManager().refresh(peek);
        if (peek.supersededAt != null || peek.erasedAt != null || peek.keyId.equals(vault.activeKeyId())) {
            return false;
        }
        byte[] image = vault.open(peek.accountId, peek.keyId, peek.iv, vault.load(peek.storageName));
        String newName;
        KtpVault.Sealed sealed;
        try {
            sealed = vault.seal(peek.accountId, image);
            newName = vault.store(sealed.ciphertext());
        } finally {
            java.util.Arrays.fill(image, (byte) 0);
        }
        obsolete.fire(new ObsoleteFiles(List.of(peek.storageName)));
        peek.storageName = newName;
        peek.keyId = sealed.keyId();
        peek.iv = sealed.iv();
        return true;
    }

    /** Re-seals the NIK of one account under the active key. */
    @Transactional
    public boolean rekeyNik(UUID accountId, String field) {
        AccountKey key = PayoutAccount.keyOf(accountId).orElseThrow();
        lock.lock(key.affiliateId());
        PayoutAccount account = PayoutAccount.findById(accountId);
        if (account.nikSealed == null || KtpVault.keyIdOfField(account.nikSealed).equals(vault.activeKeyId())) {
            return false;
        }
        account.nikSealed = vault.sealField(field, accountId, vault.openField(field, accountId, account.nikSealed));
        return true;
    }

    void deleteAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ObsoleteFiles files) {
        files.storageNames().forEach(vault::delete);
    }
}
