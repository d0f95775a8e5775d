package id.qutab.payout.payouts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.payout")
public interface PayoutConfig {

    /** Smallest payout request, in rupiah (API.md). */
    @WithDefault("100000")
    long minimum();
}
