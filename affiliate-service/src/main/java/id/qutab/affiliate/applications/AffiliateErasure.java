package id.qutab.affiliate.applications;

import id.qutab.affiliate.codes.CodeVersion;
import id.qutab.affiliate.portal.ProfilePhotos;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * When an affiliate's account is deleted (identity.user.deleted): the personal data of the application and
 * profile is erased, the photo removed, and the affiliate stops earning (suspended, or rejected while still
 * pending). Commissions, leads and stats stay: they are the history payouts rely on.
 */
@ApplicationScoped
public class AffiliateErasure {

    private static final Logger LOG = Logger.getLogger(AffiliateErasure.class);
    public static final String REASON = "account-deleted";

    @Inject
    Affiliates affiliates;

    @Inject
    CodeVersion codes;

    @Inject
    ProfilePhotos photos;

    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseUser(UUID userId, Instant now) {
        affiliates.lockByUser(userId).ifPresent(a -> {
            a.firstName = "Dihapus";
            a.lastName = "";
            a.whatsapp = null;
            a.reason = null;
            a.bio = null;
            a.instagram = null;
            a.tiktok = null;
            a.facebook = null;
            a.youtube = null;
            a.website = null;
            if (a.photoFile != null) {
                photos.deleteAfterCommit(a.photoFile);
                a.photoFile = null;
            }
            switch (a.status) {
                case APPROVED -> {
                    a.status = AffiliateStatus.SUSPENDED;
                    a.suspendedAt = now;
                    a.suspensionReason = REASON;
                    codes.announce(a.id, a.code, false);
                }
                case PENDING -> {
                    a.status = AffiliateStatus.REJECTED;
                    a.rejectedAt = now;
                    a.rejectionReason = REASON;
                }
                default -> {
                }
            }
            a.updatedAt = now;
            LOG.infof("affiliate %s erased (account deleted)", a.id);
        });
    }
}
