package id.qutab.payout.payouts;

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
 * A payout request and what became of it. The bank details are a snapshot of the verified account at request
 * time: changing them later does not redirect a payout already on its way.
 */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "affiliate_id", nullable = false, updatable = false)
    public UUID affiliateId;

    @Column(name = "account_id", nullable = false, updatable = false)
    public UUID accountId;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PayoutStatus status;

    @Column(name = "bank_code", nullable = false)
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "account_holder")
    public String accountHolder;

    @Column(name = "available_before", nullable = false, updatable = false)
    public long availableBefore;

    @Column(name = "ledger_position", nullable = false, updatable = false)
    public long ledgerPosition;

    @Column(name = "idempotency_key", updatable = false)
    public String idempotencyKey;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public UUID approvedBy;

    @Column(name = "paid_at")
    public Instant paidAt;

    @Column(name = "paid_by")
    public UUID paidBy;

    @Column(name = "transfer_reference")
    public String transferReference;

    @Column(name = "unallocated_amount")
    public Long unallocatedAmount;

    @Column(name = "failed_at")
    public Instant failedAt;

    @Column(name = "failed_by")
    public UUID failedBy;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "rejected_by")
    public UUID rejectedBy;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    public static Optional<Payout> byIdempotencyKey(UUID affiliateId, String key) {
        return find("affiliateId = ?1 and idempotencyKey = ?2", affiliateId, key).firstResultOptional();
    }

    public static boolean hasOpen(UUID affiliateId) {
        return count("affiliateId = ?1 and status in ?2", affiliateId, PayoutStatus.OPEN) > 0;
    }

    /** The affiliate a payout belongs to, read without loading it (the affiliate's lock comes first). */
    public static Optional<UUID> affiliateOf(UUID payoutId) {
        return getEntityManager().createQuery("select p.affiliateId from Payout p where p.id = :id", UUID.class)
                .setParameter("id", payoutId).getResultStream().findFirst();
    }

    /** @return false when it already was approved (a repeat changes nothing) */
    boolean approve(UUID admin, Instant now) {
        if (status == PayoutStatus.APPROVED) {
            return false;
        }
        requireStatus("approve", PayoutStatus.REQUESTED);
        status = PayoutStatus.APPROVED;
        approvedAt = now;
        approvedBy = admin;
        return true;
    }

    /** @return false when it already was paid with this very reference (a repeat changes nothing) */
    boolean markPaid(UUID admin, String reference, Instant now) {
        if (status == PayoutStatus.PAID) {
            if (reference.equals(transferReference)) {
                return false;
            }
            throw ProblemException.conflict("already-paid",
                    "This payout was already marked paid with another transfer reference.");
        }
        requireStatus("mark paid", PayoutStatus.APPROVED);
        status = PayoutStatus.PAID;
        paidAt = now;
        paidBy = admin;
        transferReference = reference;
        return true;
    }

    boolean fail(UUID admin, String reason, Instant now) {
        if (status == PayoutStatus.FAILED) {
            return false;
        }
        requireStatus("fail", PayoutStatus.REQUESTED, PayoutStatus.APPROVED);
        status = PayoutStatus.FAILED;
        failedAt = now;
        failedBy = admin;
        failureReason = reason;
        return true;
    }

    boolean reject(UUID admin, String reason, Instant now) {
        if (status == PayoutStatus.REJECTED) {
            return false;
        }
        requireStatus("reject", PayoutStatus.REQUESTED, PayoutStatus.APPROVED);
        status = PayoutStatus.REJECTED;
        rejectedAt = now;
        rejectedBy = admin;
        rejectionReason = reason;
        return true;
    }

    private void requireStatus(String action, PayoutStatus... allowed) {
        for (PayoutStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ProblemException.conflict("illegal-transition",
                "Cannot " + action + " a payout that is " + status + ".");
    }
}
