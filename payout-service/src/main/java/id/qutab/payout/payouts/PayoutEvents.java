package id.qutab.payout.payouts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payloads of the events this service publishes through the outbox (EVENTS.md); aggregate id = payout id. */
public final class PayoutEvents {

    public static final String REQUESTED = "payout.payout.requested";
    public static final String PAID = "payout.payout.paid";
    public static final String FAILED = "payout.payout.failed";
    public static final String REJECTED = "payout.payout.rejected";

    private PayoutEvents() {
    }

    @RegisterForReflection
    public record PayoutRequested(UUID payoutId, UUID affiliateId, long amount, Instant requestedAt) {
    }

    /**
     * {@code commissionIds}: the commissions this payout completed, oldest first — affiliate-service marks them
     * PAID. {@code allocations}: everything it covered, including a last commission only partly covered
     * ({@code fullyPaid: false}; its remainder stays available and is completed by the next payout).
     */
    @RegisterForReflection
    public record PayoutPaid(UUID payoutId, UUID affiliateId, long amount, String transferReference, Instant paidAt,
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
}
