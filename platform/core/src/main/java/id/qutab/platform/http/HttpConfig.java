package id.qutab.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.http")
public interface HttpConfig {

    /**
     * Largest request body a service accepts, in bytes; bigger ones get 413 problem+json before any
     * byte is read. Services with uploads raise it (payout: KTP images up to 5 MB).
     */
    @WithDefault("1048576")
    long maxBodyBytes();
}
