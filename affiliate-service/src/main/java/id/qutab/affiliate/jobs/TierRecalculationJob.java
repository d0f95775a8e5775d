package id.qutab.affiliate.jobs;

import id.qutab.affiliate.tiers.TierRecalculation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code tier-recalculation}: {@link TierRecalculation}. */
@ApplicationScoped
public class TierRecalculationJob extends WholeRunJob {

    public static final String NAME = "tier-recalculation";

    @Inject
    TierRecalculation tiers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow() {
        return Jobs.result(NAME, tiers.run());
    }
}
