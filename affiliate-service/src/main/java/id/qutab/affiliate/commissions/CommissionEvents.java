package id.qutab.affiliate.commissions;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * Payloads of the commission events (aggregate id: the commission id; recorded under the commission's row lock,
 * so payout-service receives one commission's events in the order they happened).
 */
public final class CommissionEvents {

    public static final String CREATED = "affiliate.commission.created";
    public static final String MATURED = "affiliate.commission.matured";
    public static final String VOIDED = "affiliate.commission.voided";
    public static final String CLAWBACK = "affiliate.commission.clawback";

    private CommissionEvents() {
    }

    @RegisterForReflection
    public record Created(UUID commissionId, UUID affiliateId, UUID orderId, String orderNumber, long amount,
                          String status, int rateBps, long salesAmount, Instant paidAt) {
    }

    @RegisterForReflection
    public record Matured(UUID commissionId, UUID affiliateId, UUID orderId, long amount, String status,
                          Instant availableAt) {
    }

    @RegisterForReflection
    public record Voided(UUID commissionId, UUID affiliateId, UUID orderId, long amount, String status, String reason,
                         Instant voidedAt, String previousStatus) {
    }

    /** The commission was already paid out when its order was refunded: payout books {@code -amount}. */
    @RegisterForReflection
    public record Clawback(UUID commissionId, UUID affiliateId, UUID orderId, long amount, String reason, Instant at,
                           UUID payoutId) {
    }
}
