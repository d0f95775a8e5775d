package id.qutab.affiliate.jobs;

import id.qutab.affiliate.commissions.CommissionConfig;
import id.qutab.affiliate.commissions.CommissionMaturation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** {@code commission-maturation}: {@link CommissionMaturation}; the answer adds {@code holdDays}. */
@ApplicationScoped
public class CommissionMaturationJob extends WholeRunJob {

    public static final String NAME = "commission-maturation";

    @Inject
    CommissionMaturation maturation;

    @Inject
    CommissionConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> runNow() {
        Map<String, Object> result = Jobs.result(NAME, maturation.run());
        result.put("holdDays", config.holdDays());
        return result;
    }
}
