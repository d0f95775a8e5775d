package id.qutab.commerce.family;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.family")
public interface FamilyConfig {

    /** Members one customer may record: a family, not an address book. */
    @WithDefault("20")
    int maxMembers();
}
