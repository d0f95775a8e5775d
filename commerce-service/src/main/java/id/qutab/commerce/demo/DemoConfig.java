package id.qutab.commerce.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.demo")
public interface DemoConfig {

    /** Seed the demo catalogue at start (local runs); idempotent. */
    @WithDefault("false")
    boolean seed();
}
