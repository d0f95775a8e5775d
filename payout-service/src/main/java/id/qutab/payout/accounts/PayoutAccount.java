package id.qutab.payout.accounts;

import id.qutab.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An affiliate's payout account: opened when the affiliate is approved, it carries the bank details payouts go
 * to and their verification. Every change of details or KTP resets verification; only {@code VERIFIED} pays.
 */
@Entity
@Table(name = "payout_account")
public class PayoutAccount extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false, updatable = false)
    public UUID affiliateId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public UUID userId;

    @Column(name = "affiliate_code")
    public String affiliateCode;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "account_holder")
    public String accountHolder;

    @Column(name = "nik_sealed")
    public String nikSealed;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_status", nullable = false)
    public VerificationStatus verificationStatus = VerificationStatus.UNVERIFIED;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "details_version", nullable = false)
    public int detailsVersion;

    @Column(name = "details_updated_at")
    public Instant detailsUpdatedAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "verified_by")
    public UUID verifiedBy;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "rejected_by")
    public UUID rejectedBy;

    @Column(name = "anonymized_at")
    public Instant anonymizedAt;

    public static Optional<PayoutAccount> byUser(UUID userId) {
        return find("userId", userId).firstResultOptional();
    }

    public static Optional<PayoutAccount> byAffiliate(UUID affiliateId) {
        return find("affiliateId", affiliateId).firstResultOptional();
    }

    /** The affiliate id of a user's account, read without loading the entity (the lock comes first). */
    public static Optional<AccountKey> keyOfUser(UUID userId) {
        return key("a.userId", userId);
    }

    public static Optional<AccountKey> keyOf(UUID accountId) {
        return key("a.id", accountId);
    }

    private static Optional<AccountKey> key(String column, UUID value) {
        return getEntityManager().createQuery("select new " + AccountKey.class.getName()
                        + "(a.id, a.affiliateId) from PayoutAccount a where " + column + " = :v", AccountKey.class)
                .setParameter("v", value).getResultStream().findFirst();
    }

    public boolean hasDetails() {
        return bankCode != null && accountNumber != null && accountHolder != null && nikSealed != null;
    }

    public boolean isVerified() {
        return verificationStatus == VerificationStatus.VERIFIED;
    }

    /**
     * Details or KTP changed: whatever was verified is no longer. {@code PENDING} when details and a KTP are
     * both there (the admin queue), {@code UNVERIFIED} otherwise.
     */
    public void resetVerification(boolean ktpPresent, Instant now) {
        verificationStatus = hasDetails() && ktpPresent ? VerificationStatus.PENDING : VerificationStatus.UNVERIFIED;
        rejectionReason = null;
        verifiedAt = null;
        verifiedBy = null;
        rejectedAt = null;
        rejectedBy = null;
        detailsVersion++;
        detailsUpdatedAt = now;
    }

    public void verify(UUID admin, Integer expectedVersion, Instant now) {
        if (expectedVersion != null && expectedVersion != detailsVersion) {
            throw ProblemException.conflict("details-changed",
                    "The bank details changed since version " + expectedVersion + "; review them again.");
        }
        if (verificationStatus == VerificationStatus.VERIFIED) {
            return; // verifying twice is harmless
        }
        if (verificationStatus != VerificationStatus.PENDING) {
            throw ProblemException.conflict("illegal-transition",
                    "Only an account waiting for review (PENDING) can be verified; this one is " + verificationStatus + ".");
        }
        verificationStatus = VerificationStatus.VERIFIED;
        verifiedAt = now;
        verifiedBy = admin;
        rejectionReason = null;
    }

    public void reject(UUID admin, String reason, Instant now) {
        if (verificationStatus != VerificationStatus.PENDING && verificationStatus != VerificationStatus.VERIFIED) {
            throw ProblemException.conflict("illegal-transition",
                    "Only a PENDING or VERIFIED account can be rejected; this one is " + verificationStatus + ".");
        }
        verificationStatus = VerificationStatus.REJECTED;
        rejectionReason = reason;
        rejectedAt = now;
        rejectedBy = admin;
        verifiedAt = null;
        verifiedBy = null;
    }

    /** identity.user.deleted: the personal data goes; the ids stay for the ledger and the payouts. */
    public void anonymize(Instant now) {
        accountNumber = null;
        accountHolder = null;
        nikSealed = null;
        rejectionReason = null;
        verificationStatus = VerificationStatus.UNVERIFIED;
        verifiedAt = null;
        verifiedBy = null;
        detailsVersion++;
        detailsUpdatedAt = now;
        anonymizedAt = now;
    }
}
