package id.qutab.payout.payouts;

import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * What admins do with a payout, each under the affiliate's {@link PayoutLock}: approve, mark paid with the bank's
 * transfer reference (allocating the commissions it covers), fail or reject with a reason (the amount is
 * available again). Repeating a step that already happened answers the payout as it is and emits nothing.
 * Approving and paying first check, on the ledger as it is now, that it still covers the payout
 * ({@link PayoutCoverage}).
 */
@ApplicationScoped
public class PayoutProcessing {

    @Inject
    PayoutLock lock;

    @Inject
    PayoutAllocator allocator;

    @Inject
    PayoutCoverage coverage;

    @Inject
    PayoutEventPublisher events;

    @Inject
    PayoutMails mails;

    @Inject
    PayoutViews views;

    @Transactional
    public PayoutViews.AdminPayoutView approve(UUID payoutId, UUID admin) {
        Payout payout = locked(payoutId);
        if (payout.status == PayoutStatus.REQUESTED) {
            coverage.require(payout, "approve");
        }
        payout.approve(admin, Instant.now());
        return views.admin(payout, true);
    }

    @Transactional
    public PayoutViews.AdminPayoutView markPaid(UUID payoutId, UUID admin, String transferReference) {
        Payout payout = locked(payoutId);
        if (payout.status == PayoutStatus.APPROVED) {
            coverage.require(payout, "mark paid");
        }
        if (payout.markPaid(admin, transferReference, Instant.now())) {
            PayoutAllocator.Result result = allocator.allocate(payout);
            payout.unallocatedAmount = result.unallocated();
            events.paid(payout, result);
            mails.paid(payout);
        }
        return views.admin(payout, true);
    }

    @Transactional
    public PayoutViews.AdminPayoutView fail(UUID payoutId, UUID admin, String reason) {
        Payout payout = locked(payoutId);
        if (payout.fail(admin, reason, Instant.now())) {
            events.failed(payout);
            mails.failed(payout);
        }
        return views.admin(payout, true);
    }

    @Transactional
    public PayoutViews.AdminPayoutView reject(UUID payoutId, UUID admin, String reason) {
        Payout payout = locked(payoutId);
        if (payout.reject(admin, reason, Instant.now())) {
            events.rejected(payout);
            mails.rejected(payout);
        }
        return views.admin(payout, true);
    }

    /** Rejects an open payout without a person deciding (the user was deleted). Under the caller's lock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejectBySystem(Payout payout, String reason) {
        if (payout.reject(null, reason, Instant.now())) {
            events.rejected(payout);
        }
    }

    private Payout locked(UUID payoutId) {
        UUID affiliateId = Payout.affiliateOf(payoutId).orElseThrow(() -> ProblemException.notFound("Payout"));
        lock.lock(affiliateId);
        return Payout.findById(payoutId);
    }
}
