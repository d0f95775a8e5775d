package id.qutab.affiliate.applications;

import id.qutab.affiliate.codes.CodeVersion;
import id.qutab.affiliate.codes.ReferralCodeGenerator;
import id.qutab.platform.persistence.Sql;
import id.qutab.affiliate.tiers.Tier;
import id.qutab.affiliate.tiers.TierCatalog;
import id.qutab.platform.outbox.Outbox;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * What admins decide about affiliates: approve (with a generated or a custom code), reject (with a reason),
 * suspend and reinstate. Each decision changes the affiliate under its row lock; an approval records
 * {@code affiliate.application.approved} in the same transaction, and every code change reaches the
 * {@code /r/} cache right after commit.
 */
@ApplicationScoped
public class AffiliateReview {

    private static final Logger LOG = Logger.getLogger(AffiliateReview.class);
    static final String CODE_INDEX = "affiliate_code_key";
    private static final int GENERATION_ATTEMPTS = 8;

    @Inject
    Affiliates affiliates;

    @Inject
    ReferralCodeGenerator generator;

    @Inject
    TierCatalog tiers;

    @Inject
    Outbox outbox;

    @Inject
    CodeVersion codes;

    @Inject
    ApplicationMails mails;

    @Inject
    AffiliateViews views;

    /** Thrown inside an approval transaction when a generated code turned out to be taken: try another. */
    private static final class GeneratedCodeTaken extends RuntimeException {
        GeneratedCodeTaken() {
            super(null, null, false, false);
        }
    }

    /**
     * Approves a pending application. Without {@code customCode} a code is generated (and regenerated on the rare
     * collision, which the unique index detects even between concurrent approvals); a custom code that is taken,
     * in any case, is a 409.
     */
    public AffiliateViews.Detail approve(UUID adminId, UUID affiliateId, String customCode) {
        String custom = customCode == null || customCode.isBlank() ? null : ReferralCodeGenerator.requireValidCustom(customCode);
        for (int attempt = 1; attempt <= GENERATION_ATTEMPTS; attempt++) {
            String candidate = custom != null ? custom : generator.generate();
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    Affiliate approved = approveWith(adminId, affiliateId, candidate, custom != null);
                    return views.detail(approved);
                });
            } catch (GeneratedCodeTaken e) {
                LOG.debugf("generated code collided (attempt %d); trying another", attempt);
            } catch (RuntimeException e) {
                if (!Sql.violates(e, CODE_INDEX)) {
                    throw e;
                }
                if (custom != null) {
                    throw codeTaken();
                }
            }
        }
        throw ProblemException.conflict("code-generation-failed", "No free code was found; please try again.");
    }

    /** Approves inside the caller's transaction (also used by the demo seed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Affiliate approveWith(UUID adminId, UUID affiliateId, String code, boolean custom) {
        Affiliate affiliate = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate"));
        if (affiliate.status != AffiliateStatus.PENDING) {
            throw notPending(affiliate);
        }
        if (affiliates.codeTaken(code)) {
            if (custom) {
                throw codeTaken();
            }
            throw new GeneratedCodeTaken();
        }
        Instant now = Instant.now();
        affiliate.status = AffiliateStatus.APPROVED;
        affiliate.code = code;
        affiliate.approvedAt = now;
        affiliate.approvedBy = adminId;
        affiliate.rejectionReason = null;
        affiliate.suspendedAt = null;
        affiliate.suspensionReason = null;
        Tier start = tiers.tierFor(0).orElse(null);
        affiliate.tierId = start == null ? null : start.id;
        affiliate.tierChangedAt = now;
        affiliate.updatedAt = now;
        affiliates.flush(); // meets the unique index here, inside the retry loop
        outbox.record(ApplicationApproved.TYPE, affiliate.id.toString(),
                new ApplicationApproved(affiliate.id, affiliate.userId, affiliate.code, now));
        codes.announce(affiliate.id, affiliate.code, true);
        mails.approved(affiliate);
        LOG.infof("affiliate %s approved with code %s", affiliate.id, affiliate.code);
        return affiliate;
    }

    @Transactional
    public AffiliateViews.Detail reject(UUID affiliateId, String reason) {
        Affiliate affiliate = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate"));
        if (affiliate.status != AffiliateStatus.PENDING) {
            throw notPending(affiliate);
        }
        Instant now = Instant.now();
        affiliate.status = AffiliateStatus.REJECTED;
        affiliate.rejectionReason = reason.trim();
        affiliate.rejectedAt = now;
        affiliate.updatedAt = now;
        mails.rejected(affiliate);
        LOG.infof("affiliate application %s rejected", affiliate.id);
        return views.detail(affiliate);
    }

    /** Suspends (bans) an approved affiliate: the link keeps redirecting but sets no cookie; nothing new is earned. */
    @Transactional
    public AffiliateViews.Detail suspend(UUID affiliateId, String reason) {
        Affiliate affiliate = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate"));
        if (affiliate.status != AffiliateStatus.APPROVED) {
            throw ProblemException.conflict("not-approved", "Only an approved affiliate can be suspended; this one is "
                    + affiliate.status + ".");
        }
        Instant now = Instant.now();
        affiliate.status = AffiliateStatus.SUSPENDED;
        affiliate.suspendedAt = now;
        affiliate.suspensionReason = reason.trim();
        affiliate.updatedAt = now;
        codes.announce(affiliate.id, affiliate.code, false);
        LOG.infof("affiliate %s suspended", affiliate.id);
        return views.detail(affiliate);
    }

    @Transactional
    public AffiliateViews.Detail reinstate(UUID affiliateId) {
        Affiliate affiliate = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate"));
        if (affiliate.status != AffiliateStatus.SUSPENDED) {
            throw ProblemException.conflict("not-suspended", "Only a suspended affiliate can be reinstated; this one is "
                    + affiliate.status + ".");
        }
        affiliate.status = AffiliateStatus.APPROVED;
        affiliate.suspendedAt = null;
        affiliate.suspensionReason = null;
        affiliate.touch();
        codes.announce(affiliate.id, affiliate.code, true);
        LOG.infof("affiliate %s reinstated", affiliate.id);
        return views.detail(affiliate);
    }

    private static ProblemException notPending(Affiliate affiliate) {
        return ProblemException.conflict("not-pending", "Only a pending application can be decided; this one is "
                + affiliate.status + ".");
    }

    private static ProblemException codeTaken() {
        return ProblemException.conflict("code-taken", "This code is already taken.");
    }
}
