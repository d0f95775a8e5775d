package id.qutab.affiliate.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo data for local runs: {@code qutab.demo.seed=true}. */
@ConfigMapping(prefix = "qutab.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean seed();

    /** identity-service's demo affiliate account. */
    @WithDefault("affiliate@qutab.local")
    String affiliateEmail();

    /** The code the demo affiliate gets (a generated one if it is taken). */
    @WithDefault("SITIQURBAN")
    String affiliateCode();
}
