package id.qutab.payout.payouts;

import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code payout.payout.*} events (EVENTS.md), recorded in the outbox by the transaction that changed the payout,
 * under the affiliate's {@link PayoutLock}; aggregate id = payout id.
 */
@ApplicationScoped
public class PayoutEventPublisher {

    public static final String REQUESTED = "payout.payout.requested";
    public static final String PAID = "payout.payout.paid";
    public static final String FAILED = "payout.payout.failed";
    public static final String REJECTED = "payout.payout.rejected";

    @Inject
    Outbox outbox;

    @RegisterForReflection
    public record PayoutRequested(UUID payoutId, UUID affiliateId, long amount, Instant requestedAt) {
    }

    /**
     * {@code commissionIds}: the commissions this payout completed, oldest first — affiliate-service marks them
     * PAID. {@code allocations}: everything it covered, including a last commission only partly covered
     * ({@code fullyPaid: false}; its remainder stays available and is completed by the next payout).
     * {@code userId}: the affiliate's account, so identity can message the payout without knowing the affiliate id.
     */
    @RegisterForReflection
    public record PayoutPaid(UUID payoutId, UUID affiliateId, UUID userId, long amount, String transferReference,
                             Instant paidAt,
                             List<UUID> commissionIds, List<AllocatedCommission> allocations, long unallocatedAmount) {
    }

    @RegisterForReflection
    public record AllocatedCommission(UUID commissionId, long amount, boolean fullyPaid) {
    }

    @RegisterForReflection
    public record PayoutFailed(UUID payoutId, UUID affiliateId, long amount, String reason, Instant failedAt) {
    }

    @RegisterForReflection
    public record PayoutRejected(UUID payoutId, UUID affiliateId, long amount, String reason, Instant rejectedAt) {
    }

    public void requested(Payout payout) {
        outbox.record(REQUESTED, payout.id.toString(), new PayoutRequested(
                payout.id, payout.affiliateId, payout.amount, payout.requestedAt));
    }

    public void paid(Payout payout, PayoutAllocator.Result allocated) {
        UUID userId = PayoutAccount.<PayoutAccount>findByIdOptional(payout.accountId).map(a -> a.userId).orElse(null);
        outbox.record(PAID, payout.id.toString(), new PayoutPaid(
                payout.id, payout.affiliateId, userId, payout.amount, payout.transferReference, payout.paidAt,
                allocated.fullyPaidCommissionIds(),
                allocated.allocations().stream().map(a -> new AllocatedCommission(
                        a.commissionId, a.amount, a.fullyPaid)).toList(),
                allocated.unallocated()));
    }

    public void failed(Payout payout) {
        outbox.record(FAILED, payout.id.toString(), new PayoutFailed(
                payout.id, payout.affiliateId, payout.amount, payout.failureReason, payout.failedAt));
    }

    public void rejected(Payout payout) {
        outbox.record(REJECTED, payout.id.toString(), new PayoutRejected(
                payout.id, payout.affiliateId, payout.amount, payout.rejectionReason, payout.rejectedAt));
    }
}
