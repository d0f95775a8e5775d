package id.qutab.platform.notify.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.notify.DeliveryStatus;
import id.qutab.platform.notify.NotificationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Cloud API's status webhooks ({@code sent}, {@code delivered}, {@code read}, {@code failed}) applied to the
 * messages this service sent. The service's resource (identity's {@code /webhooks/whatsapp}) hands over the raw
 * body and the {@code X-Hub-Signature-256} header and maps the {@link Outcome}: FORGED → 401, BAD_REQUEST → 400,
 * APPLIED → 200. The signature is checked over the raw bytes before anything is parsed.
 *
 * <p>Each status moves its row forward only (sent &lt; delivered &lt; read; failed is final, its error code and
 * title kept in {@code delivery_error}); a retried or late webhook changes nothing. A status for an id this service
 * has not stored yet is kept and applied when the sender stores the id (the provider fires {@code sent} while it is
 * still answering the send); ids that never appear are dropped by retention.
 */
@ApplicationScoped
public class WhatsAppStatusWebhook {

    private static final Logger LOG = Logger.getLogger(WhatsAppStatusWebhook.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CHALLENGE = 200;
    /** A wamid is "wamid." and base64: printable ASCII; anything else (NUL, 1 MB) cannot be one of ours. */
    private static final Pattern PROVIDER_ID = Pattern.compile("[\\x21-\\x7E]{1,512}");

    public enum Outcome {
        /** Verified and applied (including statuses that changed nothing: stale, duplicate, unknown kind). */
        APPLIED,
        /** Signature missing, malformed or wrong (or no app secret configured): nothing was read or changed. */
        FORGED,
        /** Correctly signed but not a webhook body (not JSON, not the Cloud API's shape): nothing changed. */
        BAD_REQUEST
    }

    @Inject
    WhatsAppConfig config;

    @Inject
    NotificationStore store;

    public Outcome apply(byte[] rawBody, String signatureHeader) {
        String secret = config.appSecret().filter(s -> !s.isBlank()).orElse(null);
        if (secret == null) {
            LOG.warn("WhatsApp webhook refused: qutab.whatsapp.app-secret (QUTAB_WHATSAPP_APP_SECRET) is not set");
            return Outcome.FORGED;
        }
        if (!WhatsAppSignature.verify(rawBody, signatureHeader, secret)) {
            return Outcome.FORGED;
        }
        List<DeliveryStatus.Report> reports;
        try {
            reports = statuses(JSON.readTree(rawBody));
        } catch (IOException | IllegalArgumentException e) {
            return Outcome.BAD_REQUEST;
        }
        for (DeliveryStatus.Report report : reports) {
            store.applyDeliveryStatus(report);
        }
        return Outcome.APPLIED;
    }

    /**
     * Meta's subscription check ({@code GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…}): the challenge
     * to echo, or null (answer 403) when the mode or token is wrong or no verify token is configured.
     */
    public String challenge(String mode, String verifyToken, String challenge) {
        String expected = config.verifyToken().filter(s -> !s.isBlank()).orElse(null);
        if (expected == null || verifyToken == null || !"subscribe".equals(mode) || challenge == null
                || challenge.isBlank() || challenge.length() > MAX_CHALLENGE) {
            return null;
        }
        boolean match = MessageDigest.isEqual(verifyToken.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
        return match ? challenge : null;
    }

    /** {@code entry[].changes[].value.statuses[]}; {@link IllegalArgumentException} when the shape is not a webhook. */
    static List<DeliveryStatus.Report> statuses(JsonNode root) {
        if (root == null || !root.isObject() || !root.path("entry").isArray()) {
            throw new IllegalArgumentException("not a WhatsApp webhook");
        }
        List<DeliveryStatus.Report> reports = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                // other fields (incoming messages, template reviews) carry no statuses: nothing to do
                for (JsonNode status : change.path("value").path("statuses")) {
                    DeliveryStatus.Report report = report(status);
                    if (report != null) {
                        reports.add(report);
                    }
                }
            }
        }
        return reports;
    }

    private static DeliveryStatus.Report report(JsonNode status) {
        String id = status.path("id").isTextual() ? status.path("id").asText() : null;
        String kind = status.path("status").isTextual() ? status.path("status").asText() : null;
        if (id == null || !PROVIDER_ID.matcher(id).matches() || kind == null) {
            return null;
        }
        DeliveryStatus value;
        try {
            value = DeliveryStatus.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // "deleted", "warning", …: not a delivery status we track
        }
        Instant at = Instant.now();
        String timestamp = status.path("timestamp").asText("");
        if (timestamp.matches("[0-9]{1,12}")) {
            at = Instant.ofEpochSecond(Long.parseLong(timestamp));
        }
        return new DeliveryStatus.Report(id, value, at, value == DeliveryStatus.FAILED ? error(status) : null);
    }

    /** {@code 131026 Message undeliverable}: the first error's code and title. */
    private static String error(JsonNode status) {
        JsonNode error = status.path("errors").path(0);
        String code = error.path("code").asText("");
        String title = error.hasNonNull("title") ? error.path("title").asText() : error.path("message").asText("");
        String text = (code + " " + title).trim();
        if (text.isEmpty()) {
            return "failed";
        }
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
