package id.qutab.console;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;

@ConfigMapping(prefix = "qutab.console")
public interface ConsoleConfig {

    /** The gateway: every page is built from API.md calls made with the admin's own token. */
    URI apiUrl();

    Duration connectTimeout();

    Duration requestTimeout();

    /** An access token this close to expiry is refreshed before the page is built. */
    Duration refreshMargin();

    boolean secureCookies();
}
