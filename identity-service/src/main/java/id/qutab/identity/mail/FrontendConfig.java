package id.qutab.identity.mail;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the links in mails point: {@code qutab.frontend.base-url} + {@code verify-email?token=…}. */
@ConfigMapping(prefix = "qutab.frontend")
public interface FrontendConfig {

    @WithDefault("http://localhost:8080/")
    String baseUrl();

    default String link(String page, String token) {
        String base = baseUrl().endsWith("/") ? baseUrl() : baseUrl() + "/";
        return base + page + "?token=" + token;
    }
}
