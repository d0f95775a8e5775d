package id.qutab.affiliate.jobs;

import id.qutab.affiliate.tiers.TierRecalculation;
import id.qutab.platform.jobs.AdminJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code tier-recalculation}: {@link TierRecalculation}. */
@ApplicationScoped
public class TierRecalculationJob implements AdminJob {

    public static final String NAME = "tier-recalculation";

    @Inject
    TierRecalculation tiers;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow(String day) {
        Jobs.rejectDay(day);
        return Jobs.result(NAME, tiers.run());
    }
}
