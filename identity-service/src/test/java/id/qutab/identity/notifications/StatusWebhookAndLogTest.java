package id.qutab.identity.notifications;

import id.qutab.identity.support.Db;
import id.qutab.identity.support.WhatsAppSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.notifications.People.Person;
import static id.qutab.identity.notifications.WhatsAppMessagesTest.await;
import static id.qutab.identity.notifications.WhatsAppMessagesTest.deliver;
import static id.qutab.identity.notifications.WhatsAppMessagesTest.orderPaid;
import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /webhooks/whatsapp} (signed statuses, Meta's challenge) and the admin message log. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WhatsAppSandboxResource.class, restrictToAnnotatedClass = false)
class StatusWebhookAndLogTest {

    static final String LOG = "/api/admin/notifications/messages";

    @Inject
    AgroalDataSource db;

    WhatsAppSandbox sandbox = WhatsAppSandboxResource.sandbox();

    @BeforeEach
    @AfterEach
    void webhooksComeHere() {
        sandbox.setCallbackUrl("http://localhost:" + RestAssured.port + "/webhooks/whatsapp");
    }

    static String statusBody(String wamid, String status) {
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                 "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550000000","phone_number_id":"106540352242922"},
                 "statuses":[{"id":"%s","status":"%s","timestamp":"%d","recipient_id":"6281234567890"}]},"field":"messages"}]}]}"""
                .formatted(wamid, status, System.currentTimeMillis() / 1000);
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static Response post(String body, String signature) {
        var request = RestAssured.given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/webhooks/whatsapp");
    }

    Map<String, Object> row(Person p) {
        return Db.one(db, "SELECT provider_message_id, delivery_status, status FROM notification_outbox "
                + "WHERE channel = 'whatsapp' AND recipient = ?", p.phone());
    }

    String logStatus(Person p) {
        return bearer(TestJwt.admin()).queryParam("to", p.phone()).get(LOG).then().statusCode(200)
                .extract().path("items[0].status");
    }

    @Test
    void aForgedStatusIsRefusedWithNoEffectAndASignedOneIsApplied() throws Exception {
        // nobody receives the sandbox's own webhooks for this message: the test plays the provider
        sandbox.setCallbackUrl(null);
        Person p = People.register("Wulan", "customer", "id");
        UUID orderId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.paid", orderId, orderPaid(orderId, "QTB-7", p.id(), 500_000));
        await("the message sent", () -> "SENT".equals(row(p).get("status")) && row(p).get("provider_message_id") != null);
        sandbox.awaitWebhooks(Duration.ofSeconds(10)); // its own tries gave up
        String wamid = (String) row(p).get("provider_message_id");
        assertEquals("SENT", row(p).get("delivery_status")); // the sender's own mark: the provider took it
        assertEquals("SENT", logStatus(p));

        String delivered = statusBody(wamid, "delivered");
        byte[] bytes = delivered.getBytes(StandardCharsets.UTF_8);
        // signed with another secret, not signed, a signature of another body, a malformed header
        for (String forged : new String[]{hmac("not-the-app-secret", bytes), null, hmac(WhatsAppSandboxResource.APP_SECRET,
                statusBody(wamid, "read").getBytes(StandardCharsets.UTF_8)), "sha256=zz", "sha1=abc", ""}) {
            post(delivered, forged).then().statusCode(401).contentType("application/problem+json")
                    .body("status", is(401));
        }
        assertEquals("SENT", row(p).get("delivery_status"));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM notification_delivery_early WHERE provider_message_id = ?", wamid));
        assertEquals("SENT", logStatus(p));

        post(delivered, sandbox.signature(bytes)).then().statusCode(200);
        assertEquals("DELIVERED", row(p).get("delivery_status"));
        assertEquals("DELIVERED", logStatus(p));
        // the same status again, then read, then a late "delivered": never backwards
        post(delivered, sandbox.signature(bytes)).then().statusCode(200);
        String read = statusBody(wamid, "read");
        post(read, sandbox.signature(read.getBytes(StandardCharsets.UTF_8))).then().statusCode(200);
        post(delivered, sandbox.signature(bytes)).then().statusCode(200);
        assertEquals("READ", logStatus(p));

        // correctly signed but not a webhook: 400 and nothing changes
        String junk = "not json at all";
        post(junk, sandbox.signature(junk.getBytes(StandardCharsets.UTF_8))).then().statusCode(400)
                .contentType("application/problem+json");
        // bounded: a huge body is refused before the signature is even checked
        String huge = "{\"object\":\"" + "x".repeat(300_000) + "\"}";
        post(huge, sandbox.signature(huge.getBytes(StandardCharsets.UTF_8))).then().statusCode(413)
                .contentType("application/problem+json");
        assertEquals("READ", logStatus(p));
    }

    @Test
    void aMessageTheProviderCouldNotDeliverIsFailedInTheLogWithItsError() throws Exception {
        Person p = People.register("Gagal", "customer", "id", 9); // the sandbox fails numbers ending in 9
        UUID orderId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.paid", orderId, orderPaid(orderId, "QTB-8", p.id(), 500_000));
        await("FAILED in the log", () -> "FAILED".equals(logStatus(p)));
        bearer(TestJwt.admin()).queryParam("to", p.phone()).queryParam("status", "FAILED").get(LOG).then()
                .statusCode(200).body("total", is(1)).body("items[0].error", containsString("131026"));
    }

    @Test
    void metasSubscriptionCheck() {
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", WhatsAppSandboxResource.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then()
                .statusCode(200).contentType(containsString("text/plain")).body(equalTo("1158201444"));
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444").get("/webhooks/whatsapp").then()
                .statusCode(403).contentType("application/problem+json");
        RestAssured.given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", WhatsAppSandboxResource.VERIFY_TOKEN)
                .queryParam("hub.challenge", "1").get("/webhooks/whatsapp").then().statusCode(403);
        RestAssured.given().get("/webhooks/whatsapp").then().statusCode(403);
    }

    @Test
    void theLogIsForAdminsOnlyFiltersAndRefusesHostileInput() throws Exception {
        Person p = People.register("Lina", "customer", "en");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.paid", first, orderPaid(first, "QTB-10", p.id(), 1_000));
        deliver(UUID.randomUUID(), "commerce.loyalty.earned", p.id(), """
                {"userId":"%s","points":10,"balanceAfter":10,"orderId":"%s"}""".formatted(p.id(), second));
        await("both delivered", () -> Db.count(db, "SELECT count(*) FROM notification_outbox WHERE recipient = ? "
                + "AND delivery_status = 'DELIVERED'", p.phone()) == 2);

        for (String to : new String[]{p.phone(), p.phone().substring(1), p.national(), p.national().substring(0, 4) + "-"
                + p.national().substring(4, 8) + "-" + p.national().substring(8)}) {
            bearer(TestJwt.admin()).queryParam("to", to).get(LOG).then().statusCode(200)
                    .body("total", is(2))
                    .body("items[0].templateKey", equalTo("loyalty_points_earned")) // newest first
                    .body("items[1].templateKey", equalTo("order_paid"))
                    .body("items.to", everyItem(equalTo(p.phone())))
                    .body("items.status", everyItem(equalTo("DELIVERED")))
                    .body("items[0].error", nullValue());
        }
        bearer(TestJwt.admin()).queryParam("to", p.national()).queryParam("template", "order_paid").get(LOG).then()
                .statusCode(200).body("total", is(1)).body("items[0].templateVersion", is(1));
        bearer(TestJwt.admin()).queryParam("to", p.national()).queryParam("status", "QUEUED").get(LOG).then()
                .statusCode(200).body("total", is(0));
        bearer(TestJwt.admin()).queryParam("to", p.national()).queryParam("size", 1).queryParam("page", 1).get(LOG).then()
                .statusCode(200).body("total", is(2)).body("items[0].templateKey", equalTo("order_paid"));

        json().get(LOG).then().statusCode(401).contentType("application/problem+json");
        bearer(TestJwt.customer(p.id())).get(LOG).then().statusCode(403).contentType("application/problem+json");
        bearer(TestJwt.affiliate(p.id())).get(LOG).then().statusCode(403);

        for (Map.Entry<String, String> hostile : Map.of(
                "to", "' OR 1=1 --", "status", "DELIVERED' OR '1'='1", "template", "order_paid;drop",
                "channel", "SMS", "page", "-1", "size", "101").entrySet()) {
            bearer(TestJwt.admin()).queryParam(hostile.getKey(), hostile.getValue()).get(LOG).then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(hostile.getKey()))
                    .body(not(containsString("Exception")));
        }
        bearer(TestJwt.admin()).queryParam("to", "12345").get(LOG).then().statusCode(400);
        bearer(TestJwt.admin()).queryParam("page", "x").get(LOG).then().statusCode(400);
    }
}
