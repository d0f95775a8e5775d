package id.qutab.identity.notifications;

import id.qutab.platform.web.FrontendConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** {@code qutab.notifications.*}: where the links in WhatsApp messages point, and the webhook's body limit. */
@ConfigMapping(prefix = "qutab.notifications")
public interface NotificationsConfig {

    /**
     * The public base URL (the gateway as customers reach it) that distribution photos ({@code /media/orders/…})
     * and referral links ({@code /r/{code}}) are made absolute with; unset → {@code qutab.frontend.base-url}.
     */
    Optional<String> publicBaseUrl();

    /** Largest status webhook body read; Meta's are a few KB. */
    @WithDefault("262144")
    int webhookMaxBytes();

    /** The public base, always ending in a slash. */
    default String publicBase(FrontendConfig frontend) {
        String base = publicBaseUrl().map(String::trim).filter(s -> !s.isEmpty()).orElse(frontend.base());
        return base.endsWith("/") ? base : base + "/";
    }
}
