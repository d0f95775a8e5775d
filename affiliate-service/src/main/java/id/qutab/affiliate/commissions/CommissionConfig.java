package id.qutab.affiliate.commissions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.commission")
public interface CommissionConfig {

    /** Days after payment before a commission of a completed order can become AVAILABLE (DESIGN.md rule 2). */
    @WithDefault("30")
    int holdDays();
}
