package id.qutab.affiliate.rules;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record CommissionRuleView(UUID id, String category, Integer rateBps, Long flatAmountPerUnit, boolean active,
                                 Instant updatedAt) {

    static CommissionRuleView of(CommissionRule r) {
        return new CommissionRuleView(r.id, r.category, r.rateBps, r.flatAmountPerUnit, r.active, r.updatedAt);
    }
}
