package id.qutab.payout.ktp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/** The one way to see a KTP image: an admin, audited first, decrypted in memory, returned as uploaded. */
@ApplicationScoped
public class KtpReads {

    private static final Logger LOG = Logger.getLogger(KtpReads.class);

    @Inject
    KtpAccessAudit audit;

    @Inject
    KtpVault vault;

    public record KtpImage(byte[] bytes, String contentType) {
    }

    public KtpImage read(UUID accountId, UUID adminUserId, String requestId) {
        KtpAccessAudit.Grant grant = audit.recordRead(accountId, adminUserId, requestId);
        try {
            byte[] image = vault.open(accountId, grant.keyId(), grant.iv(), vault.load(grant.storageName()));
            return new KtpImage(image, grant.contentType());
        } catch (KtpVault.KtpIntegrityException e) {
            LOG.errorf("KTP document %s of account %s failed authentication: tampered with or moved",
                    grant.documentId(), accountId);
            throw e;
        }
    }
}
