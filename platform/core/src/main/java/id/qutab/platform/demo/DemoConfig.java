package id.qutab.platform.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for local runs: {@code qutab.demo.seed=true} (dev profile); every seed is idempotent. */
@ConfigMapping(prefix = "qutab.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean seed();

    /** The password of identity's demo accounts ({@code customer@qutab.local}, {@code affiliate@qutab.local}). */
    @WithDefault("Qutab-demo-2026")
    String password();

    /** identity-service's demo affiliate account, which affiliate-service approves when it arrives. */
    @WithDefault("affiliate@qutab.local")
    String affiliateEmail();

    /** The code the demo affiliate gets (a generated one if it is taken). */
    @WithDefault("SITIQURBAN")
    String affiliateCode();
}
