package id.qutab.zendit.sandbox;

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
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZenditSandboxTest {

    private static final String SECRET = "test-secret-key";
    private static final String TOKEN = "test-callback-token";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** One line per request and callback is useful when running it, noise here; held so the level sticks. */
    private static final Logger SANDBOX_LOG = Logger.getLogger("id.qutab.zendit.sandbox");

    static {
        SANDBOX_LOG.setLevel(Level.WARNING);
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private CallbackReceiver receiver;
    private ZenditSandbox sandbox;

    @BeforeEach
    void start() throws IOException {
        sandbox = ZenditSandbox.start(SandboxConfig.defaults()
                .withSecretKey(SECRET)
                .withCallbackToken(TOKEN)
                .withCallbackMaxAttempts(6)
                .withCallbackFirstRetryDelay(Duration.ofMillis(20)));
        receiver = new CallbackReceiver("/webhooks/zendit");
        // as in the app's tests: the callback URL is only known after the sandbox started
        sandbox.setCallbackUrl(receiver.url());
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void healthIsUp() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null, null);
        assertEquals(200, response.statusCode());
        assertEquals("UP", json(response).get("status").asText());
    }

    @Test
    void creatingRequiresTheSecretKeyAsBasicUserWithEmptyPassword() throws Exception {
        String body = SandboxJson.MAPPER.writeValueAsString(validBody("order-1", 150_000));
        for (String auth : new String[] {null, basic("wrong-key:"), basic(SECRET), basic(SECRET + ":x"), "Bearer " + SECRET,
                "Basic not-base64!"}) {
            HttpResponse<String> response = send("POST", "/v2/invoices", body, auth);
            assertEquals(401, response.statusCode(), "auth " + auth);
            assertEquals("INVALID_API_KEY", json(response).get("error_code").asText());
        }
        assertTrue(sandbox.invoices().isEmpty());
        assertEquals(401, send("GET", "/v2/invoices/0123456789abcdef01234567", null, null).statusCode());
        assertEquals(401, send("POST", "/invoices/0123456789abcdef01234567/expire!", null, basic("nope:")).statusCode());
    }

    @Test
    void createValidatesTheBody() throws Exception {
        Map<String, Object> noExternalId = validBody("x", 1000);
        noExternalId.remove("external_id");
        assertValidationError(noExternalId, "external_id");
        for (Object amount : new Object[] {0, -5, 1.5, "15000", null}) {
            Map<String, Object> body = validBody("order-1", 1);
            body.put("amount", amount);
            assertValidationError(body, "amount");
        }
        Map<String, Object> badItems = validBody("order-1", 1000);
        badItems.put("items", List.of(Map.of("quantity", 1, "price", 1000)));
        assertValidationError(badItems, "items[0].name");
        Map<String, Object> badUrl = validBody("order-1", 1000);
        badUrl.put("success_redirect_url", "javascript:alert(1)");
        assertValidationError(badUrl, "success_redirect_url");
        Map<String, Object> usd = validBody("order-1", 1000);
        usd.put("currency", "USD");
        HttpResponse<String> response = send("POST", "/v2/invoices", SandboxJson.MAPPER.writeValueAsString(usd), auth());
        assertEquals(400, response.statusCode());
        assertEquals("UNSUPPORTED_CURRENCY", json(response).get("error_code").asText());
        assertTrue(sandbox.invoices().isEmpty());
    }

    @Test
    void createsAndReturnsAnInvoiceInTheXenditShape() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode created = create(validBody("pay-123", 1_500_000), null);
        String id = created.get("id").asText();
        assertTrue(id.matches("[0-9a-f]{24}"), id);
        assertEquals("pay-123", created.get("external_id").asText());
        assertEquals("PENDING", created.get("status").asText());
        assertEquals("Qutab Sandbox", created.get("merchant_name").asText());
        assertEquals(1_500_000, created.get("amount").asLong());
        assertEquals("IDR", created.get("currency").asText());
        assertEquals("budi@example.com", created.get("payer_email").asText());
        assertEquals(sandbox.baseUrl() + "/web/invoices/" + id, created.get("invoice_url").asText());
        assertTrue(created.get("user_id").asText().matches("[0-9a-f]{24}"));
        assertEquals(1, created.get("items").size());
        assertEquals("Kambing Jawa", created.get("items").get(0).get("name").asText());
        Instant createdAt = Instant.parse(created.get("created").asText());
        Instant expiry = Instant.parse(created.get("expiry_date").asText());
        assertTrue(createdAt.isAfter(before));
        assertEquals(Duration.ofHours(1), Duration.between(createdAt, expiry));
        assertTrue(created.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertFalse(created.has("paid_amount"));

        HttpResponse<String> got = send("GET", "/v2/invoices/" + id, null, auth());
        assertEquals(200, got.statusCode());
        assertEquals(created, json(got));

        HttpResponse<String> missing = send("GET", "/v2/invoices/0123456789abcdef01234567", null, auth());
        assertEquals(404, missing.statusCode());
        assertEquals("INVOICE_NOT_FOUND_ERROR", json(missing).get("error_code").asText());

        Invoice invoice = sandbox.invoice(id).orElseThrow();
        assertEquals("pay-123", invoice.externalId());
        assertEquals(1_500_000, invoice.amount());
        assertNull(invoice.paidAmount());
        assertTrue(receiver.received().isEmpty());

        HttpResponse<String> list = send("GET", "/v2/invoices?external_id=pay-123", null, auth());
        assertEquals(200, list.statusCode());
        assertEquals(1, json(list).size());
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameInvoice() throws Exception {
        JsonNode first = create(validBody("pay-1", 500_000), "key-1");
        JsonNode again = create(validBody("pay-1", 500_000), "key-1");
        JsonNode other = create(validBody("pay-1", 500_000), "key-2");
        assertEquals(first.get("id"), again.get("id"));
        assertNotEquals(first.get("id"), other.get("id"));
        assertEquals(2, sandbox.invoices().size());

        HttpResponse<String> conflicting = send("POST", "/v2/invoices",
                SandboxJson.MAPPER.writeValueAsString(validBody("pay-1", 999)), auth(), "X-IDEMPOTENCY-KEY", "key-1");
        assertEquals(409, conflicting.statusCode());
    }

    @Test
    void parallelRequestsWithOneIdempotencyKeyCreateOneInvoice() throws Exception {
        String body = SandboxJson.MAPPER.writeValueAsString(validBody("pay-2", 500_000));
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/v2/invoices"))
                    .header("Authorization", auth()).header("Content-Type", "application/json")
                    .header("X-IDEMPOTENCY-KEY", "same-key")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var response : responses) {
            assertEquals(200, response.get().statusCode());
            ids.add(json(response.get()).get("id").asText());
        }
        assertEquals(1, ids.size());
        assertEquals(1, sandbox.invoices().size());
    }

    @Test
    void aTakenPortIsReportedWhenStarting() {
        int taken = java.net.URI.create(sandbox.baseUrl()).getPort();
        assertThrows(java.io.UncheckedIOException.class, () -> ZenditSandbox.start(SandboxConfig.defaults().withPort(taken)));
    }

    @Test
    void simulatePaidSendsTheCallbackWithTheToken() throws Exception {
        String id = create(validBody("pay-7", 2_750_000), null).get("id").asText();

        Invoice paid = sandbox.simulate(id, "PAID");
        assertEquals("PAID", paid.status());
        assertEquals(2_750_000L, paid.paidAmount());

        CallbackReceiver.Received callback = receiver.await(1, WAIT).get(0);
        assertEquals(TOKEN, callback.header("x-callback-token"));
        assertTrue(callback.header("content-type").startsWith("application/json"));
        assertTrue(callback.header("webhook-id") != null);
        JsonNode body = callback.json();
        assertEquals(id, body.get("id").asText());
        assertEquals("pay-7", body.get("external_id").asText());
        assertEquals("PAID", body.get("status").asText());
        assertEquals(2_750_000, body.get("amount").asLong());
        assertEquals(2_750_000, body.get("paid_amount").asLong());
        assertEquals("BANK_TRANSFER", body.get("payment_method").asText());
        assertEquals("BCA", body.get("payment_channel").asText());
        assertEquals("IDR", body.get("currency").asText());
        assertFalse(body.get("is_high").asBoolean());
        assertEquals(paid.paidAt(), Instant.parse(body.get("paid_at").asText()));

        assertTrue(sandbox.awaitCallbacks(WAIT));
        List<CallbackAttempt> attempts = sandbox.callbackAttempts();
        assertEquals(1, attempts.size());
        assertEquals(200, attempts.get(0).httpStatus());
        assertTrue(attempts.get(0).succeeded());

        JsonNode got = json(send("GET", "/v2/invoices/" + id, null, auth()));
        assertEquals("PAID", got.get("status").asText());
        assertEquals(2_750_000, got.get("paid_amount").asLong());
        assertEquals("BANK_TRANSFER", got.get("payment_method").asText());
        assertTrue(got.has("paid_at"));
    }

    @Test
    void aFailingReceiverIsRetriedUntilItAccepts() throws Exception {
        String id = create(validBody("pay-8", 100_000), null).get("id").asText();
        receiver.failNext(2);

        sandbox.simulate(id, "PAID");

        receiver.await(3, WAIT);
        assertTrue(sandbox.awaitCallbacks(WAIT));
        List<CallbackAttempt> attempts = sandbox.callbackAttempts(id);
        assertEquals(3, attempts.size(), attempts.toString());
        assertEquals(List.of(500, 500, 200), attempts.stream().map(CallbackAttempt::httpStatus).toList());
        assertEquals("HTTP 500", attempts.get(0).error());
        assertNull(attempts.get(2).error());
        // the retries are the same callback
        List<CallbackReceiver.Received> received = receiver.received();
        assertEquals(received.get(0).header("webhook-id"), received.get(2).header("webhook-id"));
        assertEquals(new String(received.get(0).body(), StandardCharsets.UTF_8),
                new String(received.get(2).body(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnreachableReceiverUsesUpTheTriesAndRecordsConnectionErrors() throws Exception {
        String id = create(validBody("pay-9", 100_000), null).get("id").asText();
        receiver.close();

        sandbox.simulate(id, "EXPIRED");

        assertTrue(sandbox.awaitCallbacks(WAIT));
        List<CallbackAttempt> attempts = sandbox.callbackAttempts(id);
        assertEquals(6, attempts.size());
        assertTrue(attempts.stream().allMatch(a -> a.httpStatus() == 0 && a.error() != null), attempts.toString());
        receiver = new CallbackReceiver("/webhooks/zendit"); // for stop()
    }

    @Test
    void aPaidInvoiceCannotExpireNorAnExpiredOneBePaid() throws Exception {
        String paidId = create(validBody("pay-10", 100_000), null).get("id").asText();
        sandbox.simulate(paidId, "PAID");
        assertThrows(IllegalStateException.class, () -> sandbox.simulate(paidId, "EXPIRED"));
        assertThrows(IllegalStateException.class, () -> sandbox.simulate(paidId, "PAID"));

        HttpResponse<String> viaHook = send("POST", "/web/invoices/" + paidId + "/simulate", "{\"status\":\"EXPIRED\"}", null);
        assertEquals(409, viaHook.statusCode());
        assertEquals("INVOICE_ALREADY_PAID", json(viaHook).get("error_code").asText());
        assertEquals("PAID", sandbox.invoice(paidId).orElseThrow().status());

        String expiredId = create(validBody("pay-11", 100_000), null).get("id").asText();
        sandbox.simulate(expiredId, "EXPIRED");
        assertThrows(IllegalStateException.class, () -> sandbox.simulate(expiredId, "PAID"));
        assertEquals(409, send("POST", "/web/invoices/" + expiredId + "/simulate", "{\"status\":\"PAID\"}", null).statusCode());

        assertTrue(sandbox.awaitCallbacks(WAIT));
        assertEquals(2, receiver.received().size());
        assertThrows(java.util.NoSuchElementException.class, () -> sandbox.simulate("0123456789abcdef01234567", "PAID"));
        assertThrows(IllegalArgumentException.class, () -> sandbox.simulate(expiredId, "REFUNDED"));
    }

    @Test
    void expireEndpointExpiresAPendingInvoiceAndRefusesAPaidOne() throws Exception {
        String id = create(validBody("pay-12", 100_000), null).get("id").asText();

        HttpResponse<String> expired = send("POST", "/invoices/" + id + "/expire!", null, auth());
        assertEquals(200, expired.statusCode());
        assertEquals("EXPIRED", json(expired).get("status").asText());

        JsonNode callback = receiver.await(1, WAIT).get(0).json();
        assertEquals("EXPIRED", callback.get("status").asText());
        assertEquals(id, callback.get("id").asText());
        assertFalse(callback.has("paid_amount"));
        assertFalse(callback.has("paid_at"));
        assertFalse(callback.has("payment_method"));

        // again: still expired, no second callback
        assertEquals(200, send("POST", "/invoices/" + id + "/expire!", null, auth()).statusCode());

        String paidId = create(validBody("pay-13", 100_000), null).get("id").asText();
        sandbox.simulate(paidId, "PAID");
        HttpResponse<String> refused = send("POST", "/invoices/" + paidId + "/expire!", null, auth());
        assertEquals(400, refused.statusCode());
        assertEquals("INVOICE_ALREADY_PAID", json(refused).get("error_code").asText());

        HttpResponse<String> unknown = send("POST", "/invoices/0123456789abcdef01234567/expire!", null, auth());
        assertEquals(404, unknown.statusCode());
        assertEquals("INVOICE_NOT_FOUND_ERROR", json(unknown).get("error_code").asText());

        assertTrue(sandbox.awaitCallbacks(WAIT));
        assertEquals(2, receiver.received().size());
    }

    @Test
    void simulateHookAcceptsAPaidAmountAndDuplicatesCanBeReplayed() throws Exception {
        JsonNode created = create(validBody("pay-14", 300_000), null);
        String id = created.get("id").asText();

        HttpResponse<String> response = send("POST", "/web/invoices/" + id + "/simulate",
                "{\"status\":\"PAID\",\"paid_amount\":250000}", null);
        assertEquals(200, response.statusCode());
        assertEquals("PAID", json(response).get("status").asText());
        assertEquals(250_000, json(response).get("paid_amount").asLong());

        CallbackReceiver.Received first = receiver.await(1, WAIT).get(0);
        assertEquals(250_000, first.json().get("paid_amount").asLong());
        assertEquals(300_000, first.json().get("amount").asLong());

        sandbox.resendLastCallback(id);
        CallbackReceiver.Received duplicate = receiver.await(2, WAIT).get(1);
        assertEquals(first.header("webhook-id"), duplicate.header("webhook-id"));
        assertEquals(new String(first.body(), StandardCharsets.UTF_8), new String(duplicate.body(), StandardCharsets.UTF_8));

        // a stale EXPIRED callback for the paid invoice, the invoice itself unchanged
        sandbox.sendCallback(id, "EXPIRED");
        assertEquals("EXPIRED", receiver.await(3, WAIT).get(2).json().get("status").asText());
        assertEquals("PAID", sandbox.invoice(id).orElseThrow().status());

        assertEquals(400, send("POST", "/web/invoices/" + id + "/simulate", "{\"status\":\"BOGUS\"}", null).statusCode());
        assertEquals(404, send("POST", "/web/invoices/0123456789abcdef01234567/simulate", "{\"status\":\"PAID\"}", null)
                .statusCode());
    }

    @Test
    void aLostCallbackLeavesTheStateForTheAppToQuery() throws Exception {
        String id = create(validBody("pay-15", 100_000), null).get("id").asText();

        sandbox.simulateWithoutCallback(id, "PAID");
        assertTrue(sandbox.awaitCallbacks(WAIT));
        assertTrue(receiver.received().isEmpty());
        assertEquals("PAID", json(send("GET", "/v2/invoices/" + id, null, auth())).get("status").asText());

        sandbox.simulate(id, "SETTLED");
        assertEquals("SETTLED", json(send("GET", "/v2/invoices/" + id, null, auth())).get("status").asText());

        sandbox.resendLastCallback(id); // the lost PAID callback, late
        assertEquals("PAID", receiver.await(1, WAIT).get(0).json().get("status").asText());
    }

    @Test
    void aPendingInvoicePastItsExpiryIsExpiredWithOneCallback() throws Exception {
        Map<String, Object> body = validBody("pay-16", 100_000);
        body.put("invoice_duration", 1);
        String id = create(body, null).get("id").asText();

        receiver.await(1, WAIT);
        assertEquals("EXPIRED", json(send("GET", "/v2/invoices/" + id, null, auth())).get("status").asText());
        assertTrue(sandbox.awaitCallbacks(WAIT));
        Thread.sleep(600); // another sweep
        assertEquals(1, receiver.received().size());
        assertEquals("EXPIRED", receiver.received().get(0).json().get("status").asText());
        assertThrows(IllegalStateException.class, () -> sandbox.simulate(id, "PAID"));
    }

    @Test
    void theInvoicePageShowsTheAmountAndButtonsAndEscapesValues() throws Exception {
        Map<String, Object> body = validBody("pay-17", 1_500_000);
        body.put("description", "<script>alert('x')</script> Qurban & \"sapi\"");
        String id = create(body, null).get("id").asText();

        HttpResponse<String> page = send("GET", "/web/invoices/" + id, null, null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("Rp 1.500.000"), html);
        assertTrue(html.contains("Bayar / Pay"));
        assertTrue(html.contains("Kedaluwarsa / Expire"));
        assertTrue(html.contains("action=\"" + sandbox.baseUrl() + "/web/invoices/" + id + "/pay\""));
        assertTrue(html.contains("action=\"" + sandbox.baseUrl() + "/web/invoices/" + id + "/expire\""));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Qurban &amp; &quot;sapi&quot;"));
        assertFalse(html.contains("budi@example.com"));
        assertEquals(404, send("GET", "/web/invoices/0123456789abcdef01234567", null, null).statusCode());
    }

    @Test
    void thePayButtonPaysAndRedirects() throws Exception {
        Map<String, Object> body = validBody("pay-18", 100_000);
        body.put("success_redirect_url", "https://qutab.example/orders/18?paid=1");
        String id = create(body, null).get("id").asText();

        HttpResponse<String> pay = send("POST", "/web/invoices/" + id + "/pay", "", null);
        assertEquals(303, pay.statusCode());
        assertEquals("https://qutab.example/orders/18?paid=1", pay.headers().firstValue("Location").orElseThrow());
        assertEquals("PAID", sandbox.invoice(id).orElseThrow().status());
        assertEquals("PAID", receiver.await(1, WAIT).get(0).json().get("status").asText());

        // pressing Expire afterwards changes nothing and goes back to the page
        HttpResponse<String> expire = send("POST", "/web/invoices/" + id + "/expire", "", null);
        assertEquals(303, expire.statusCode());
        assertEquals(sandbox.baseUrl() + "/web/invoices/" + id, expire.headers().firstValue("Location").orElseThrow());
        assertEquals("PAID", sandbox.invoice(id).orElseThrow().status());
        String html = send("GET", "/web/invoices/" + id, null, null).body();
        assertTrue(html.contains("Lunas / Paid"));
        assertTrue(html.contains("disabled"));

        String otherId = create(validBody("pay-19", 100_000), null).get("id").asText();
        HttpResponse<String> expireOther = send("POST", "/web/invoices/" + otherId + "/expire", "", null);
        assertEquals(303, expireOther.statusCode());
        assertEquals(sandbox.baseUrl() + "/web/invoices/" + otherId, expireOther.headers().firstValue("Location").orElseThrow());
        assertEquals("EXPIRED", sandbox.invoice(otherId).orElseThrow().status());
    }

    @Test
    void badRequestsGetJsonErrorsWithoutStackTraces() throws Exception {
        HttpResponse<String> malformed = send("POST", "/v2/invoices", "{\"external_id\": \"a\", amount: }", auth());
        assertEquals(400, malformed.statusCode());
        assertEquals("INVALID_JSON_FORMAT", json(malformed).get("error_code").asText());
        assertFalse(malformed.body().contains("at com."), malformed.body());
        assertFalse(malformed.body().contains("Exception"), malformed.body());

        assertEquals(400, send("POST", "/v2/invoices", "", auth()).statusCode());
        assertEquals(400, send("POST", "/v2/invoices", "[1,2]", auth()).statusCode());
        assertEquals(400, send("POST", "/v2/invoices", "{} {}", auth()).statusCode());
        String id = create(validBody("pay-20", 100_000), null).get("id").asText();
        assertEquals(400, send("POST", "/web/invoices/" + id + "/simulate", "{\"status\":", null).statusCode());

        String huge = "{\"external_id\":\"" + "x".repeat(70 * 1024) + "\",\"amount\":1000}";
        HttpResponse<String> tooLarge = send("POST", "/v2/invoices", huge, auth());
        assertEquals(413, tooLarge.statusCode());
        assertEquals("REQUEST_ENTITY_TOO_LARGE", json(tooLarge).get("error_code").asText());

        HttpResponse<String> unknown = send("GET", "/nope", null, null);
        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", json(unknown).get("error_code").asText());
        HttpResponse<String> wrongMethod = send("DELETE", "/v2/invoices/" + id, null, auth());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElseThrow());

        assertEquals("PENDING", sandbox.invoice(id).orElseThrow().status());
        assertEquals(200, send("GET", "/health", null, null).statusCode()); // still serving
    }

    @Test
    void invoiceUrlsUseThePublicBaseUrlAndResetForgetsEverything() throws Exception {
        try (ZenditSandbox other = ZenditSandbox.start(SandboxConfig.defaults().withPublicBaseUrl("https://pay.qutab.test/zendit/"))) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(other.baseUrl() + "/v2/invoices"))
                    .header("Authorization", basic(SandboxConfig.DEFAULT_SECRET_KEY + ":"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(SandboxJson.MAPPER.writeValueAsString(validBody("p", 1000))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            String id = json(response).get("id").asText();
            assertEquals("https://pay.qutab.test/zendit/web/invoices/" + id, json(response).get("invoice_url").asText());
            other.reset();
            assertTrue(other.invoices().isEmpty());
        }
    }

    @Test
    void configFromTheEnvironment() {
        SandboxConfig defaults = Main.fromEnvironment(Map.of());
        assertEquals(8090, defaults.port());
        assertEquals("sandbox-secret-key", defaults.secretKey());
        assertEquals("sandbox-callback-token", defaults.callbackToken());
        assertEquals("http://localhost:8080/webhooks/zendit", defaults.callbackUrl());
        assertNull(defaults.publicBaseUrl());
        assertFalse(defaults.toString().contains("sandbox-secret-key"));

        SandboxConfig config = Main.fromEnvironment(Map.of("ZENDIT_SANDBOX_PORT", "9999", "QUTAB_ZENDIT_SECRET_KEY", "k",
                "QUTAB_ZENDIT_CALLBACK_TOKEN", "t", "ZENDIT_SANDBOX_CALLBACK_URL", "http://localhost:1/cb",
                "ZENDIT_SANDBOX_PUBLIC_URL", "http://localhost:9999"));
        assertEquals(9999, config.port());
        assertEquals("k", config.secretKey());
        assertEquals("t", config.callbackToken());
        assertEquals("http://localhost:1/cb", config.callbackUrl());
        assertEquals("http://localhost:9999", config.publicBaseUrl());
        assertThrows(IllegalArgumentException.class, () -> Main.fromEnvironment(Map.of("ZENDIT_SANDBOX_PORT", "http")));
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> validBody(String externalId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("external_id", externalId);
        body.put("amount", amount);
        body.put("payer_email", "budi@example.com");
        body.put("description", "Qurban kambing");
        body.put("invoice_duration", 3600);
        body.put("items", List.of(Map.of("name", "Kambing Jawa", "quantity", 1, "price", amount, "category", "kambing")));
        return body;
    }

    private JsonNode create(Map<String, Object> body, String idempotencyKey) throws Exception {
        String json = SandboxJson.MAPPER.writeValueAsString(body);
        HttpResponse<String> response = idempotencyKey == null
                ? send("POST", "/v2/invoices", json, auth())
                : send("POST", "/v2/invoices", json, auth(), "X-IDEMPOTENCY-KEY", idempotencyKey);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private void assertValidationError(Map<String, Object> body, String field) throws Exception {
        HttpResponse<String> response = send("POST", "/v2/invoices", SandboxJson.MAPPER.writeValueAsString(body), auth());
        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = json(response);
        assertEquals("API_VALIDATION_ERROR", error.get("error_code").asText());
        assertTrue(error.get("message").asText().contains(field), error.toString());
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(WAIT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && !body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return SandboxJson.MAPPER.readTree(response.body());
    }

    private static String auth() {
        return basic(SECRET + ":");
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
