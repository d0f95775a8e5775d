package id.qutab.identity.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo accounts for local runs: {@code qutab.demo.seed=true}. */
@ConfigMapping(prefix = "qutab.demo")
public interface DemoConfig {

    @WithDefault("false")
    boolean seed();

    @WithDefault("Qutab-demo-2026")
    String password();
}
