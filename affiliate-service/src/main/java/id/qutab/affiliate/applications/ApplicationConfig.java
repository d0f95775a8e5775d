package id.qutab.affiliate.applications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.affiliate")
public interface ApplicationConfig {

    /** How long a rejected applicant waits before applying again. */
    @WithDefault("7d")
    Duration reapplyCooldown();
}
