package id.qutab.commerce.loyalty.rewards;

import java.time.Instant;
import java.util.UUID;

/** A reward as the admin sees it (CONTRACTS12 shape); {@code redeemed} = live redemptions. */
public record RewardView(UUID id, String name, String description, long pointsCost, Reward.Kind kind, long value,
                         Integer stock, Instant validFrom, Instant validUntil, boolean active, int redeemed) {

    public static RewardView of(Reward r) {
        return new RewardView(r.id, r.name, r.description, r.pointsCost, r.kind, r.value, r.stock, r.validFrom,
                r.validUntil, r.active, r.redeemed);
    }
}
