package id.qutab.commerce.loyalty;

import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The {@code commerce.loyalty.*} events (EVENTS.md), recorded in the outbox by the transaction that appended the
 * ledger entry, while it holds the account lock: their order is the ledger's order.
 */
@ApplicationScoped
public class LoyaltyEvents {

    public static final String EARNED = "commerce.loyalty.earned";
    public static final String REDEEMED = "commerce.loyalty.redeemed";
    public static final String REVERSED = "commerce.loyalty.reversed";
    public static final String EXPIRED = "commerce.loyalty.expired";
    public static final String RETURNED = "commerce.loyalty.returned";
    public static final String ADJUSTED = "commerce.loyalty.adjusted";
    public static final String TIER_CHANGED = "commerce.loyalty.tier-changed";

    @Inject
    Outbox outbox;

    /** Payload of every {@code commerce.loyalty.*} event; fields that do not apply are null. */
    @RegisterForReflection
    public record Payload(UUID userId, long points, long balanceAfter, UUID orderId, UUID rewardId, String tier,
                          String previousTier) {
    }

    public void record(String type, Payload payload) {
        outbox.record(type, payload.userId().toString(), payload);
    }
}
