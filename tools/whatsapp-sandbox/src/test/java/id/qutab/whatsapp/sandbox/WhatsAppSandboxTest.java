package id.qutab.whatsapp.sandbox;

import id.qutab.sandbox.kit.testing.CallbackReceiver;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhatsAppSandboxTest {

    private static final String TOKEN = "test-access-token";
    private static final String APP_SECRET = "test-app-secret";
    private static final String PHONE_NUMBER_ID = "123456789012345";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** One line per request and webhook is useful when running it, noise here; held so the level sticks. */
    private static final Logger SANDBOX_LOG = Logger.getLogger("id.qutab.whatsapp.sandbox");

    static {
        SANDBOX_LOG.setLevel(Level.WARNING);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private CallbackReceiver receiver;
    private WhatsAppSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = WhatsAppSandbox.start(SandboxConfig.defaults()
                .withAccessToken(TOKEN)
                .withAppSecret(APP_SECRET)
                .withPhoneNumberId(PHONE_NUMBER_ID)
                .withFailDigit('9')
                .withWebhookMaxAttempts(6)
                .withWebhookRetryDelays(Duration.ofMillis(20), Duration.ofMillis(100)));
        receiver = new CallbackReceiver("/webhooks/whatsapp");
        // as in the app's tests: the callback URL is only known after the sandbox started
        sandbox.setCallbackUrl(receiver.url());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void aMissingOrWrongTokenIsRefusedInTheCloudApiErrorShape() throws Exception {
        for (String authorization : new String[] {null, "Bearer wrong-token", "Basic " + TOKEN, "Bearer"}) {
            HttpResponse<String> response = post(messagesPath(), template("6281234567890"), authorization);
            assertEquals(401, response.statusCode(), "Authorization: " + authorization);
            JsonNode error = json(response).get("error");
            assertEquals(190, error.get("code").asInt());
            assertEquals("OAuthException", error.get("type").asText());
            assertFalse(error.get("message").asText().isBlank());
        }
        assertTrue(sandbox.messages().isEmpty(), "nothing refused is stored");
        assertTrue(sandbox.awaitWebhooks(WAIT));
        assertTrue(receiver.received().isEmpty(), "nothing refused is announced");
    }

    @Test
    void invalidSendsAreRefusedWith400AndStoreNothing() throws Exception {
        String[] bodies = {
                template("+6281234567890"),                 // E.164 digits without '+'
                template("081234567890"),                   // a national number, not E.164
                template("62812"),                          // too short
                template("62812345678901234"),              // too long
                template("62abc4567890"),
                "{\"messaging_product\":\"whatsapp\",\"to\":\"6281234567890\",\"type\":\"image\",\"image\":{}}",
                "{\"messaging_product\":\"sms\",\"to\":\"6281234567890\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}",
                "{\"messaging_product\":\"whatsapp\",\"to\":\"6281234567890\",\"type\":\"template\",\"template\":{\"name\":\"order_paid\"}}",
                "{\"messaging_product\":\"whatsapp\",\"to\":\"6281234567890\",\"type\":\"text\",\"text\":{}}",
                "{\"messaging_product\":\"whatsapp\",\"to\":6281234567890,\"type\":\"text\",\"text\":{\"body\":\"hi\"}}",
                "not json",
                "[]",
                ""};
        for (String body : bodies) {
            HttpResponse<String> response = post(messagesPath(), body, "Bearer " + TOKEN);
            assertEquals(400, response.statusCode(), body);
            JsonNode error = json(response).get("error");
            assertEquals(100, error.get("code").asInt(), body);
            assertEquals("OAuthException", error.get("type").asText());
            assertFalse(response.body().contains("Exception:"), "no stack trace: " + response.body());
        }
        HttpResponse<String> otherNumberId = post("/v21.0/999/messages", template("6281234567890"), "Bearer " + TOKEN);
        assertEquals(400, otherNumberId.statusCode(), "only the configured phone number id sends");
        assertTrue(sandbox.messages().isEmpty());
        assertTrue(sandbox.awaitWebhooks(WAIT));
        assertTrue(receiver.received().isEmpty());
    }

    @Test
    void aTemplateSendIsAnsweredLikeTheCloudApiAndListedUnderItsNumber() throws Exception {
        HttpResponse<String> response = post(messagesPath(), template("6281234567890"), "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = json(response);
        assertEquals("whatsapp", answer.get("messaging_product").asText());
        assertEquals("6281234567890", answer.at("/contacts/0/input").asText());
        assertEquals("6281234567890", answer.at("/contacts/0/wa_id").asText());
        String id = answer.at("/messages/0/id").asText();
        assertTrue(id.startsWith("wamid.") && id.length() > 20, id);

        HttpResponse<String> text = post(messagesPath(), "{\"messaging_product\":\"whatsapp\",\"to\":\"6285700000001\","
                + "\"type\":\"text\",\"text\":{\"body\":\"Halo <b>Budi</b>\"}}", "Bearer " + TOKEN);
        assertEquals(200, text.statusCode(), text.body());

        JsonNode listed = json(get("/api/messages?to=6281234567890"));
        assertEquals(1, listed.size(), "only that number's messages");
        assertEquals(id, listed.at("/0/id").asText());
        assertEquals("order_paid", listed.at("/0/template").asText());
        assertEquals("id", listed.at("/0/language").asText());
        assertEquals("Budi", listed.at("/0/parameters/0").asText());
        assertEquals("QTB-2026-0001", listed.at("/0/parameters/1").asText());
        assertEquals("delivered", listed.at("/0/status").asText());
        assertEquals(2, json(get("/api/messages")).size());

        String index = get("/").body();
        assertTrue(index.contains("/conversations/6281234567890") && index.contains("/conversations/6285700000001"),
                index);
        String page = get("/conversations/6281234567890").body();
        assertTrue(page.contains("order_paid") && page.contains("Budi") && page.contains("QTB-2026-0001")
                && page.contains("delivered") && page.contains(id), page);
        assertFalse(page.contains("Halo"), "another number's message is not on this page");
        String other = get("/conversations/6285700000001").body();
        assertTrue(other.contains("Halo &lt;b&gt;Budi&lt;/b&gt;"), "HTML-escaped: " + other);
    }

    @Test
    void statusWebhooksArriveInOrderSignedWithTheAppSecret() throws Exception {
        String id = sendTemplate("6281234567890");
        List<CallbackReceiver.Received> received = receiver.await(2, WAIT);
        assertTrue(sandbox.awaitWebhooks(WAIT));
        assertEquals(2, receiver.received().size(), "exactly sent and delivered");
        assertEquals(List.of("sent", "delivered"), received.stream().map(r -> status(r).get("status").asText()).toList());
        for (CallbackReceiver.Received webhook : received) {
            assertEquals(hmac(APP_SECRET, webhook.body()), webhook.header("X-Hub-Signature-256"));
            JsonNode body = webhook.json();
            assertEquals("whatsapp_business_account", body.get("object").asText());
            assertEquals(SandboxConfig.DEFAULT_BUSINESS_ACCOUNT_ID, body.at("/entry/0/id").asText());
            assertEquals("messages", body.at("/entry/0/changes/0/field").asText());
            JsonNode value = body.at("/entry/0/changes/0/value");
            assertEquals("whatsapp", value.get("messaging_product").asText());
            assertEquals(PHONE_NUMBER_ID, value.at("/metadata/phone_number_id").asText());
            JsonNode status = status(webhook);
            assertEquals(id, status.get("id").asText());
            assertEquals("6281234567890", status.get("recipient_id").asText());
            assertTrue(status.get("timestamp").asText().matches("[0-9]{10}"), status.toString());
            assertTrue(status.get("errors") == null);
        }
        // a receiver checking with another secret would refuse it: the signature covers the secret and the body
        assertFalse(hmac("another-secret", received.get(0).body()).equals(received.get(0).header("X-Hub-Signature-256")));
    }

    @Test
    void aWebhookIsRetriedWhileTheReceiverFailsAndTheOrderHolds() throws Exception {
        receiver.failNext(2);
        String id = sendTemplate("6281234567890");
        assertTrue(sandbox.awaitWebhooks(WAIT));
        List<CallbackReceiver.Received> received = receiver.received();
        assertEquals(List.of("sent", "sent", "sent", "delivered"),
                received.stream().map(r -> status(r).get("status").asText()).toList(),
                "sent is retried until it is taken, and delivered waits for it");
        assertTrue(received.stream().allMatch(r -> hmac(APP_SECRET, r.body()).equals(r.header("X-Hub-Signature-256"))));
        List<WebhookAttempt> attempts = sandbox.webhookAttempts();
        assertEquals(List.of(500, 500, 200, 200), attempts.stream().map(WebhookAttempt::httpStatus).toList());
        assertEquals(List.of(1, 2, 3, 1), attempts.stream().map(WebhookAttempt::attempt).toList());
        assertTrue(attempts.stream().allMatch(a -> a.messageId().equals(id)));
    }

    @Test
    void nobodyListeningIsRetriedWithACappedDelayAndThenGivenUp() throws Exception {
        receiver.close();
        sendTemplate("6281234567890");
        assertTrue(sandbox.awaitWebhooks(WAIT), "gives up after the configured tries, without hanging");
        List<WebhookAttempt> attempts = sandbox.webhookAttempts();
        assertEquals(12, attempts.size(), "6 tries of sent, then 6 of delivered");
        assertTrue(attempts.stream().noneMatch(WebhookAttempt::delivered));
        SandboxConfig defaults = SandboxConfig.defaults();
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 32_000L, 60_000L, 60_000L),
                List.of(2, 3, 4, 7, 8, 30).stream().map(a -> WebhookDispatcher.delayBeforeAttempt(a,
                        defaults.webhookFirstRetryDelay(), defaults.webhookMaxRetryDelay()).toMillis()).toList(),
                "doubling from 1 s, capped at 1 min");
        assertEquals(200, get("/health").statusCode(), "still up");
    }

    @Test
    void readSendsTheReadWebhookOnceAfterDelivered() throws Exception {
        String id = sendTemplate("6281234567890");
        receiver.await(2, WAIT);
        HttpResponse<String> read = post("/conversations/6281234567890/messages/" + id + "/read", "", null);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("read", json(read).get("status").asText());
        // the page's button: a form post, answered with a redirect back to the conversation
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/conversations/6281234567890/messages/" + id + "/read"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, again.statusCode());
        assertEquals("/conversations/6281234567890", again.headers().firstValue("Location").orElseThrow());
        assertTrue(sandbox.awaitWebhooks(WAIT));
        List<CallbackReceiver.Received> received = receiver.received();
        assertEquals(List.of("sent", "delivered", "read"),
                received.stream().map(r -> status(r).get("status").asText()).toList(), "read is announced once");
        assertEquals(hmac(APP_SECRET, received.get(2).body()), received.get(2).header("X-Hub-Signature-256"));
        assertEquals("read", json(get("/api/messages?to=6281234567890")).at("/0/status").asText());

        assertEquals(404, post("/conversations/6285700000001/messages/" + id + "/read", "", null).statusCode(),
                "a message is read only on its own number's conversation");
        assertEquals(404, post("/conversations/6281234567890/messages/wamid.nope/read", "", null).statusCode());
    }

    @Test
    void aNumberEndingInTheFailDigitGetsFailedWithAnError() throws Exception {
        String id = sendTemplate("6281234567899");
        assertTrue(sandbox.awaitWebhooks(WAIT));
        List<CallbackReceiver.Received> received = receiver.received();
        assertEquals(List.of("sent", "failed"), received.stream().map(r -> status(r).get("status").asText()).toList());
        JsonNode failed = status(received.get(1));
        assertEquals(id, failed.get("id").asText());
        assertEquals(131026, failed.at("/errors/0/code").asInt());
        assertEquals("failed", sandbox.message(id).orElseThrow().status());
        assertEquals(409, post("/conversations/6281234567899/messages/" + id + "/read", "", null).statusCode(),
                "a failed message is never read");
        assertFalse(get("/conversations/6281234567899").body().contains("Mark read"));

        // another last digit is delivered
        sendTemplate("6281234567898");
        assertTrue(sandbox.awaitWebhooks(WAIT));
        assertEquals("delivered", status(receiver.received().get(3)).get("status").asText());
    }

    private String sendTemplate(String to) throws Exception {
        HttpResponse<String> response = post(messagesPath(), template(to), "Bearer " + TOKEN);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).at("/messages/0/id").asText();
    }

    private static String messagesPath() {
        return "/v21.0/" + PHONE_NUMBER_ID + "/messages";
    }

    private static String template(String to) {
        return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + to + "\","
                + "\"type\":\"template\",\"template\":{\"name\":\"order_paid\",\"language\":{\"code\":\"id\"},"
                + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Budi\"},"
                + "{\"type\":\"text\",\"text\":\"QTB-2026-0001\"}]}]}}";
    }

    private static JsonNode status(CallbackReceiver.Received webhook) {
        return webhook.json().at("/entry/0/changes/0/value/statuses/0");
    }

    /** What a receiver computes to check {@code X-Hub-Signature-256}: independent of the sandbox's own code. */
    private static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return SandboxJson.MAPPER.readTree(response.body());
    }
}
