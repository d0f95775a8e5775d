package id.qutab.affiliate.tiers;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record TierView(UUID id, String name, long minSales90d, int bonusBps, Instant updatedAt) {

    static TierView of(Tier t) {
        return new TierView(t.id, t.name, t.minSales90d, t.bonusBps, t.updatedAt);
    }
}
