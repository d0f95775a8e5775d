package id.qutab.identity.admin;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The admin account ensured at start-up: {@code qutab.admin.email} / {@code qutab.admin.password}. */
@ConfigMapping(prefix = "qutab.admin")
public interface AdminConfig {

    Optional<String> email();

    Optional<String> password();

    /** Display name of the bootstrapped admin. */
    Optional<String> name();
}
