package id.qutab.commerce.loyalty.rewards;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Own prefix (not {@code qutab.loyalty}, whose mapping belongs to the ledger): no two mappings share a prefix. */
@ConfigMapping(prefix = "qutab.rewards")
public interface RewardsConfig {

    /** How long a coupon issued by a COUPON reward stays valid from its redemption. */
    @WithDefault("P30D")
    Duration couponValidity();
}
