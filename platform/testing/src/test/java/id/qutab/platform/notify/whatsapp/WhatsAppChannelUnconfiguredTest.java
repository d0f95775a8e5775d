package id.qutab.platform.notify.whatsapp;

import id.qutab.platform.notify.PendingNotification;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A service that sets no qutab.whatsapp.* still has the channel; it refuses to send, naming what is missing. */
class WhatsAppChannelUnconfiguredTest {

    static WhatsAppConfig unset() {
        return new WhatsAppConfig() {
            public String baseUrl() { return "https://graph.facebook.com"; }
            public Optional<String> accessToken() { return Optional.empty(); }
            public Optional<String> phoneNumberId() { return Optional.empty(); }
            public Optional<String> appSecret() { return Optional.empty(); }
            public Optional<String> verifyToken() { return Optional.empty(); }
            public String apiVersion() { return "v21.0"; }
            public Duration sendTimeout() { return Duration.ofSeconds(1); }
        };
    }

    @Test
    void withoutATokenAndAPhoneNumberIdNothingIsSentAndTheErrorSaysWhy() {
        WhatsAppChannel channel = new WhatsAppChannel();
        channel.config = unset();
        PendingNotification n = new PendingNotification(UUID.randomUUID(), "whatsapp", "order_paid", "+6281234567890",
                "id", null, "text", null, 1, Instant.now().plusSeconds(60), Instant.now(), 1, List.of("Budi"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> channel.deliver(n));
        assertTrue(e.getMessage().contains("qutab.whatsapp.access-token"), e.getMessage());
        assertTrue(e.getMessage().contains("QUTAB_WHATSAPP_PHONE_NUMBER_ID"), e.getMessage());
    }

    @Test
    void withoutAnAppSecretEveryWebhookIsForgedAndWithoutAVerifyTokenNoChallengeIsAnswered() {
        WhatsAppStatusWebhook webhook = new WhatsAppStatusWebhook();
        webhook.config = unset();
        byte[] body = "{\"entry\":[]}".getBytes();
        assertEquals(WhatsAppStatusWebhook.Outcome.FORGED, webhook.apply(body, WhatsAppSignature.sign(body, "any-secret")));
        assertEquals(null, webhook.challenge("subscribe", "", "1"));
    }
}
