package id.qutab.platform.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Locale;

/** The web frontend: where {@code /r/{code}} lands and where links in mails point. */
@ConfigMapping(prefix = "qutab.frontend")
public interface FrontendConfig {

    @WithDefault("http://localhost:8080/")
    String baseUrl();

    /** The base URL, always ending in a slash. */
    default String base() {
        String base = baseUrl().trim();
        return base.endsWith("/") ? base : base + "/";
    }

    default String host() {
        String host = URI.create(base()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    default boolean https() {
        return base().regionMatches(true, 0, "https:", 0, 6);
    }

    /** A page taking a one-time token, e.g. {@code verify-email?token=…}. */
    default String link(String page, String token) {
        return base() + page + "?token=" + token;
    }
}
