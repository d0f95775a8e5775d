package id.qutab.commerce.loyalty.rewards;

import java.time.Instant;
import java.util.UUID;

/** A reward the customer can redeem now (API.md shape); {@code stock} is what is left, null = unlimited. */
public record AvailableReward(UUID id, String name, String description, long pointsCost, Reward.Kind kind, long value,
                              Integer stock, Instant validUntil) {

    static AvailableReward of(Reward r) {
        return new AvailableReward(r.id, r.name, r.description, r.pointsCost, r.kind, r.value,
                r.stock == null ? null : r.stock - r.redeemed, r.validUntil);
    }
}
