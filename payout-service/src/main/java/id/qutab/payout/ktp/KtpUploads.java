package id.qutab.payout.ktp;

import id.qutab.payout.accounts.AccountKey;
import id.qutab.payout.accounts.AccountView;
import id.qutab.payout.accounts.BankAccounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;

/**
 * {@code POST /api/affiliate/bank-account/ktp}: read the image into memory, validate it, seal it, write the
 * ciphertext, then record it. The plaintext never reaches the disk and is wiped from memory afterwards.
 */
@ApplicationScoped
public class KtpUploads {

    /** Room for the multipart envelope around the image (boundaries, part headers, small extra fields). */
    static final int MULTIPART_OVERHEAD = 64 * 1024;

    @Inject
    KtpConfig config;

    @Inject
    KtpImageValidator validator;

    @Inject
    KtpVault vault;

    @Inject
    KtpDocuments documents;

    @Inject
    BankAccounts accounts;

    public AccountView upload(UUID userId, InputStream body, String contentType) {
        AccountKey key = BankAccounts.requireAccountOf(userId);
        byte[] image = InMemoryMultipart.read(body, contentType, "file", config.maxBytes(),
                (long) config.maxBytes() + MULTIPART_OVERHEAD).bytes();
        try {
            KtpImageValidator.ValidImage valid = validator.validate(image);
            KtpVault.Sealed sealed = vault.seal(key.id(), image);
            String storageName = vault.store(sealed.ciphertext());
            try {
                documents.replace(key, storageName, sealed, valid, image.length);
            } catch (RuntimeException e) {
                vault.delete(storageName);
                throw e;
            }
        } finally {
            Arrays.fill(image, (byte) 0);
        }
        return accounts.viewOwnAfterKtp(key.id());
    }
}
