package id.qutab.platform;

import io.smallrye.config.ConfigMapping;

/** Who this service is: {@code identity}, {@code commerce}, {@code affiliate} or {@code payout}. */
@ConfigMapping(prefix = "qutab.service")
public interface ServiceConfig {

    String name();
}
