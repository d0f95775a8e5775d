package id.qutab.platform.notify.whatsapp;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The WhatsApp Business Cloud API ({@code qutab.whatsapp.*}). Everything but the defaults is optional so that a
 * service that never sends WhatsApp starts without it; {@link WhatsAppChannel} refuses to send (and the messages
 * wait, then fail) until {@code access-token} and {@code phone-number-id} are set, and {@link WhatsAppStatusWebhook}
 * treats every webhook as forged without {@code app-secret}. Environment: {@code QUTAB_WHATSAPP_BASE_URL},
 * {@code QUTAB_WHATSAPP_TOKEN} (mapped to {@code access-token} in the platform defaults),
 * {@code QUTAB_WHATSAPP_PHONE_NUMBER_ID}, {@code QUTAB_WHATSAPP_APP_SECRET}, {@code QUTAB_WHATSAPP_VERIFY_TOKEN}.
 */
@ConfigMapping(prefix = "qutab.whatsapp")
public interface WhatsAppConfig {

    /** Meta's Graph API, or the local sandbox ({@code tools/whatsapp-sandbox}). */
    @WithDefault("https://graph.facebook.com")
    String baseUrl();

    /** The system user's access token (Bearer). */
    Optional<String> accessToken();

    /** The sending phone number's id (not the number itself). */
    Optional<String> phoneNumberId();

    /** The app secret: key of the {@code X-Hub-Signature-256} HMAC on every status webhook. */
    Optional<String> appSecret();

    /** What Meta's subscription check ({@code GET ?hub.verify_token=}) must present. */
    Optional<String> verifyToken();

    @WithDefault("v21.0")
    String apiVersion();

    /** One send longer than this counts as failed (and is retried). */
    @WithDefault("10s")
    Duration sendTimeout();
}
