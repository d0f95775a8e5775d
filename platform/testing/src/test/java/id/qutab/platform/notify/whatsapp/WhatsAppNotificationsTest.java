package id.qutab.platform.notify.whatsapp;

import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.NotificationSender;
import id.qutab.platform.notify.Notifications;
import id.qutab.platform.support.WhatsAppFront;
import id.qutab.platform.support.WhatsAppSandboxes;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.whatsapp.sandbox.WebhookAttempt;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WhatsApp channel against the embedded WhatsApp sandbox (tools/whatsapp-sandbox, the only fake) and the real
 * database: sent after commit by the platform sender (nudged, polling every second, quick backoff), through
 * {@link WhatsAppFront} (the switch that takes the provider down), and the sandbox's signed status webhooks coming
 * back through a resource that calls {@link WhatsAppStatusWebhook} as identity's does.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class WhatsAppNotificationsTest {

    static final String WEBHOOK = "/test/whatsapp-webhook";

    @Inject
    Notifications notifications;

    @Inject
    NotificationSender sender;

    @Inject
    TestDb db;

    @Inject
    MockMailbox mailbox;

    WhatsAppSandbox sandbox;

    @BeforeEach
    void clean() throws InterruptedException {
        // Earlier tests' messages: gone from the table first (no new claims), then their sends still under way
        // answered and their webhooks out, so nothing of theirs reaches this test's sandbox.
        db.exec("TRUNCATE notification_outbox, notification_delivery_early");
        sandbox = WhatsAppSandboxes.get();
        for (int quiet = 0; quiet < 2; quiet++) {
            await("earlier sends answered", () -> WhatsAppFront.IN_FLIGHT.get() == 0);
            Thread.sleep(100);
        }
        sandbox.awaitWebhooks(Duration.ofSeconds(5));
        sandbox.reset();
        WhatsAppFront.reset();
        db.exec("TRUNCATE notification_delivery_early");
    }

    @AfterEach
    void heal() {
        WhatsAppFront.reset();
    }

    /** A random Indonesian mobile number in E.164 whose last digit is {@code last} (9 makes the sandbox fail it). */
    static String phone(int last) {
        return "+62812" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)) + last;
    }

    static String phone() {
        return phone(ThreadLocalRandom.current().nextInt(9));
    }

    static String digits(String e164) {
        return e164.substring(1);
    }

    static Message orderPaid(String key, String to) {
        return Message.whatsapp("order_paid", key, to).withLocale("id")
                .withText("Halo Budi, pesanan QTB-1 sebesar Rp 100.000 sudah dibayar: https://qutab.test/r/1")
                .withTemplateCall(3, List.of("Budi", "QTB-1", "Rp 100.000", "https://qutab.test/r/1"));
    }

    void record(Message message) {
        QuarkusTransaction.requiringNew().run(() -> assertTrue(notifications.record(message)));
    }

    Object column(String column, String to) {
        return db.one("SELECT " + column + " FROM notification_outbox WHERE recipient = ?", to);
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Lets the sender do whatever it would do: two rounds here plus more than one poll interval. */
    void settle() throws InterruptedException {
        sender.sendDue();
        Thread.sleep(1_500);
        sender.sendDue();
        sandbox.awaitWebhooks(Duration.ofSeconds(5));
    }

    /** A status webhook as the Cloud API (and the sandbox) sends it. */
    static byte[] statusBody(String wamid, String status, String errorsJson) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550000000\","
                + "\"phone_number_id\":\"106540352242922\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\""
                + status + "\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"628\""
                + (errorsJson == null ? "" : ",\"errors\":" + errorsJson) + "}]},\"field\":\"messages\"}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static Response post(byte[] body, String signature) {
        var request = RestAssured.given().contentType(ContentType.JSON).body(body);
        if (signature != null) {
            request.header(WhatsAppSignature.HEADER, signature);
        }
        return request.post(WEBHOOK);
    }

    static Response postSigned(byte[] body) {
        return post(body, WhatsAppSignature.sign(body, WhatsAppSandboxes.APP_SECRET));
    }

    /** Sends one message through the sandbox and waits until its webhooks made it DELIVERED; its wamid. */
    String deliveredMessage(String to) {
        record(orderPaid("d-" + UUID.randomUUID(), to));
        await("delivered", () -> "DELIVERED".equals(column("delivery_status", to)));
        return (String) column("provider_message_id", to);
    }

    @Test
    void aMessageIsSentOnlyAfterItsTransactionCommittedAsATemplateWithItsProviderId() {
        String to = phone();
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(notifications.record(orderPaid("k-1", to)));
            try {
                Thread.sleep(1_500); // longer than the sender's poll: it must not see the uncommitted row
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertEquals(List.of(), sandbox.messages(), "nothing may leave before the commit");
        });
        await("the message in the sandbox", () -> sandbox.messagesTo(digits(to)).size() == 1);
        var sent = sandbox.messagesTo(digits(to)).get(0);
        assertEquals("template", sent.type());
        assertEquals("order_paid", sent.templateName());
        assertEquals("id", sent.language());
        assertEquals(List.of("Budi", "QTB-1", "Rp 100.000", "https://qutab.test/r/1"), sent.parameters());

        await("the row sent", () -> "SENT".equals(column("status", to)));
        assertEquals(sent.id(), column("provider_message_id", to));
        // the sandbox answers "sent" and "delivered" at once: the webhooks move the row on
        await("delivered", () -> "DELIVERED".equals(column("delivery_status", to)));
        List<Object> row = db.rows("SELECT template_version, parameters, body_text, attempts, delivery_at IS NOT NULL, "
                + "delivery_error FROM notification_outbox WHERE recipient = ?", to).get(0);
        assertEquals(java.util.Arrays.asList(3, null, null, 1, true, null), row,
                "version kept; parameters and body (links) wiped once sent");
    }

    @Test
    void aMessageRecordedInATransactionThatRollsBackIsNeverSent() throws InterruptedException {
        String to = phone();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notifications.record(orderPaid("k-2", to));
            throw new IllegalStateException("the business change fails after the message was recorded");
        }));
        settle();
        assertEquals(List.of(), sandbox.messages());
        assertEquals(0, db.count("SELECT count(*) FROM notification_outbox"));
        RestAssured.get(sandbox.baseUrl() + "/api/messages").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void whileTheProviderAnswers500OrHangsTheMessageIsRetriedAndThenSentOnce() throws InterruptedException {
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.ERROR);
        String to = phone();
        record(orderPaid("k-3", to));
        await("three refused sends", () -> WhatsAppFront.REFUSED.get() >= 3);
        // (on a loaded machine one attempt may time out instead: the error of the last one is what counts)
        await("the provider's 500 recorded",
                () -> String.valueOf(column("last_error", to)).startsWith("IOException: HTTP 500 #1"));
        List<Object> row = db.rows("SELECT status, attempts, last_error, parameters IS NOT NULL FROM notification_outbox "
                + "WHERE recipient = ?", to).get(0);
        assertEquals("PENDING", row.get(0));
        assertTrue(((Number) row.get(1)).intValue() >= 3, row.toString());
        assertTrue(((String) row.get(2)).startsWith("IOException: HTTP 500 #1"), row.toString());
        assertEquals(true, row.get(3), "the parameters stay until the message is sent");

        // a provider that does not answer within the send-timeout (2 s here) is retried as well
        int refused = WhatsAppFront.REFUSED.get();
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.HANG);
        await("a send timed out", () -> String.valueOf(column("last_error", to)).startsWith("HttpTimeoutException"));
        assertTrue(WhatsAppFront.REFUSED.get() > refused);
        assertEquals(List.of(), sandbox.messages());

        WhatsAppFront.MODE.set(WhatsAppFront.Mode.UP);
        await("the message once the provider is back", () -> sandbox.messagesTo(digits(to)).size() == 1);
        await("the row sent", () -> "SENT".equals(column("status", to)));
        settle();
        assertEquals(1, sandbox.messages().size());
        assertEquals(sandbox.messages().get(0).id(), column("provider_message_id", to));
        assertNull(column("last_error", to));
    }

    @Test
    void theSameMessageRecordedTwiceIsOneRowAndOneSend() throws InterruptedException {
        String to = phone();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> notifications.record(orderPaid("event-1", to))));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notifications.record(orderPaid("event-1", to))));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notifications.record(orderPaid("event-1", to)
                .withTemplateCall(4, List.of("Another", "render")))), "a later render of the same message is no new one");
        await("the message", () -> sandbox.messagesTo(digits(to)).size() == 1);
        settle();
        assertEquals(1, sandbox.messages().size());
        assertEquals(List.of(List.of("SENT", 3)), db.rows("SELECT status, template_version FROM notification_outbox"));
        // the same event for another number is another message
        String other = phone();
        record(orderPaid("event-1", other));
        await("the other message", () -> sandbox.messagesTo(digits(other)).size() == 1);
    }

    @Test
    void whileWhatsAppIsDownMailStillGoesOut() {
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.ERROR);
        NotificationSender.Round round = null;
        String to = null;
        String mailTo = null;
        // One round of ours with both due; should the background sender claim them first, again with a new pair.
        for (int i = 0; i < 5 && (round == null || round.claimed() != 2); i++) {
            String phone = phone();
            String address = "u-" + UUID.randomUUID() + "@example.test";
            // both held back for now; the WhatsApp message older, so a round meets it before the mail
            QuarkusTransaction.requiringNew().run(() -> {
                notifications.record(orderPaid("k-9", phone));
                notifications.record(Message.mail("test.reset", "k-9", address).withSubject("Reset").withText("link"));
                db.exec("UPDATE notification_outbox SET next_attempt_at = now() + interval '1 hour', "
                        + "created_at = created_at - CASE channel WHEN 'whatsapp' THEN interval '1 minute' ELSE "
                        + "interval '0 minutes' END WHERE recipient IN (?, ?)", phone, address);
            });
            db.exec("UPDATE notification_outbox SET next_attempt_at = now() WHERE recipient IN (?, ?)", phone, address);
            round = sender.sendDue();
            to = phone;
            mailTo = address;
        }
        assertEquals(new NotificationSender.Round(2, 1, 1), round, "the mail went out in the round WhatsApp failed");
        assertEquals(1, mailbox.getMailsSentTo(mailTo).size());
        assertEquals("PENDING", column("status", to));
        assertEquals("SENT", column("status", mailTo));
        assertNull(column("provider_message_id", mailTo), "mail has no provider id");
        assertNull(column("delivery_status", mailTo));
    }

    @Test
    void aMessageTheProviderRefusesForGoodFailsAtOnceAndIsNeverRetried() throws InterruptedException {
        String to = phone();
        // the sandbox, as the Cloud API, refuses a template name that cannot exist: 400 #100
        record(Message.whatsapp("Order-Paid", "k-5", to).withLocale("id").withTemplateCall(1, List.of("Budi")));
        await("the message failed", () -> "FAILED".equals(column("status", to)));
        settle();
        List<Object> row = db.rows("SELECT attempts, last_error, failed_at IS NOT NULL, parameters, delivery_status "
                + "FROM notification_outbox WHERE recipient = ?", to).get(0);
        assertEquals(1, row.get(0), "one attempt, no retry: " + row);
        assertTrue(((String) row.get(1)).startsWith("HTTP 400 #100"), row.toString());
        assertFalse(((String) row.get(1)).contains(digits(to)), "no phone number in the error");
        assertEquals(java.util.Arrays.asList(true, null, null), row.subList(2, 5));
        assertEquals(1, WhatsAppFront.BODIES.stream().filter(b -> b.contains("\"Order-Paid\"")).count());
        assertEquals(List.of(), sandbox.messages());
    }

    @Test
    void aRefusedTokenIsRetriedNotFailedBecauseAnOperatorCanFixIt() throws InterruptedException {
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.BAD_TOKEN);
        String to = phone();
        record(orderPaid("k-6", to));
        await("two refused sends", () -> WhatsAppFront.REFUSED.get() >= 2);
        await("the provider's 401 recorded",
                () -> String.valueOf(column("last_error", to)).startsWith("IOException: HTTP 401 #190"));
        assertEquals("PENDING", column("status", to));
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.UP);
        await("sent once the token is right", () -> "SENT".equals(column("status", to)));
        settle();
        assertEquals(1, sandbox.messages().size());
    }

    @Test
    void theSandboxesStatusWebhooksMoveMessagesToDeliveredReadOrFailed() throws InterruptedException {
        String to = phone();
        String wamid = deliveredMessage(to);
        sandbox.markRead(wamid);
        await("read", () -> "READ".equals(column("delivery_status", to)));

        String failing = phone(9);
        record(orderPaid("k-7", failing));
        await("failed", () -> "FAILED".equals(column("delivery_status", failing)));
        assertEquals("131026 Message undeliverable", column("delivery_error", failing));
        assertEquals("SENT", column("status", failing), "the provider took it: the sender's part is done");

        sandbox.awaitWebhooks(Duration.ofSeconds(5));
        List<WebhookAttempt> attempts = sandbox.webhookAttempts();
        assertEquals(5, attempts.size(), attempts.toString()); // sent, delivered, read; sent, failed
        assertTrue(attempts.stream().allMatch(a -> a.httpStatus() == 200), attempts.toString());
    }

    @Test
    void statusesThatArriveBeforeTheSenderStoredTheIdAreAppliedWhenItIs() {
        // the provider fires "sent" and "delivered" while it is still answering the send
        WhatsAppFront.MODE.set(WhatsAppFront.Mode.WEBHOOKS_FIRST);
        String to = phone();
        record(orderPaid("k-8", to));
        await("the row sent", () -> "SENT".equals(column("status", to)));
        List<WebhookAttempt> attempts = sandbox.webhookAttempts();
        assertEquals(List.of("sent", "delivered"), attempts.stream().map(WebhookAttempt::status).toList());
        assertTrue(attempts.stream().allMatch(a -> a.httpStatus() == 200), attempts.toString());
        assertEquals("DELIVERED", column("delivery_status", to), "the early statuses were applied with the id");
        assertEquals(0, db.count("SELECT count(*) FROM notification_delivery_early"));
    }

    @Test
    void aForgedMissingOrMalformedSignatureChangesNothing() {
        String to = phone();
        String wamid = deliveredMessage(to);
        byte[] read = statusBody(wamid, "read", null);
        // the platform's signature and the sandbox's agree on the format
        assertEquals(sandbox.signature(read), WhatsAppSignature.sign(read, WhatsAppSandboxes.APP_SECRET));

        post(read, WhatsAppSignature.sign(read, "another-secret")).then().statusCode(401);
        post(read, null).then().statusCode(401);
        post(read, "sha256=not-hex").then().statusCode(401);
        post(read, WhatsAppSignature.sign(read, WhatsAppSandboxes.APP_SECRET).substring(7)).then().statusCode(401);
        post(read, WhatsAppSignature.sign(statusBody(wamid, "delivered", null), WhatsAppSandboxes.APP_SECRET))
                .then().statusCode(401);
        // the signature covers the exact bytes: one more space is another body
        byte[] padded = (new String(read, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        post(padded, WhatsAppSignature.sign(read, WhatsAppSandboxes.APP_SECRET)).then().statusCode(401);
        assertEquals("DELIVERED", column("delivery_status", to));

        // signed but not a webhook: 400, nothing applied
        postSigned("{\"entry\": [".getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        postSigned("[]".getBytes(StandardCharsets.UTF_8)).then().statusCode(400);
        assertEquals("DELIVERED", column("delivery_status", to));

        postSigned(read).then().statusCode(200);
        assertEquals("READ", column("delivery_status", to));
    }

    @Test
    void statusesNeverGoBackwardsAndFailedIsFinal() {
        String to = phone();
        String wamid = deliveredMessage(to);
        postSigned(statusBody(wamid, "read", null)).then().statusCode(200);
        Object readAt = column("delivery_at", to);
        // late or retried webhooks of earlier statuses
        postSigned(statusBody(wamid, "delivered", null)).then().statusCode(200);
        postSigned(statusBody(wamid, "sent", null)).then().statusCode(200);
        assertEquals(List.of("READ", readAt), db.rows(
                "SELECT delivery_status, delivery_at FROM notification_outbox WHERE recipient = ?", to).get(0));
        postSigned(statusBody(wamid, "read", null)).then().statusCode(200); // a retried webhook: no harm
        assertEquals("READ", column("delivery_status", to));

        String other = phone();
        String otherId = deliveredMessage(other);
        postSigned(statusBody(otherId, "failed", "[{\"code\":131049,\"title\":\"Not delivered to maintain healthy "
                + "ecosystem engagement\"}]")).then().statusCode(200);
        postSigned(statusBody(otherId, "read", null)).then().statusCode(200);
        postSigned(statusBody(otherId, "delivered", null)).then().statusCode(200);
        assertEquals(List.of("FAILED", "131049 Not delivered to maintain healthy ecosystem engagement"), db.rows(
                "SELECT delivery_status, delivery_error FROM notification_outbox WHERE recipient = ?", other).get(0));
        assertEquals("READ", column("delivery_status", to), "another message is untouched");

        // an id this service never sent is answered 200 (no retries for 7 days) and changes no message
        postSigned(statusBody("wamid.never-sent-here", "delivered", null)).then().statusCode(200);
        postSigned(statusBody("wamid.never-sent-here", "something-new", null)).then().statusCode(200);
        postSigned(statusBody("wamid.\\u0000nul", "read", null)).then().statusCode(200); // no id of ours, no 500
        assertEquals(2, db.count("SELECT count(*) FROM notification_outbox WHERE provider_message_id IS NOT NULL"));
        // (the previous test's messages may still be answered after its rows were truncated: count this id only)
        assertEquals(List.of(List.of("DELIVERED")), db.rows("SELECT delivery_status FROM notification_delivery_early "
                + "WHERE provider_message_id = 'wamid.never-sent-here'"));
        // and what waited for it is gone with retention
        db.exec("UPDATE notification_delivery_early SET received_at = now() - interval '8 days'");
        sender.retention();
        assertEquals(0, db.count("SELECT count(*) FROM notification_delivery_early"));
    }

    @Test
    void metasSubscriptionCheckEchoesTheChallengeOnlyForTheVerifyToken() {
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get(WEBHOOK).then().statusCode(200).body(equalTo("1158201444"));
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "wrong")
                .queryParam("hub.challenge", "1158201444").get(WEBHOOK).then().statusCode(403);
        RestAssured.given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444").get(WEBHOOK).then().statusCode(403);
        RestAssured.given().queryParam("hub.mode", "subscribe").queryParam("hub.challenge", "1")
                .get(WEBHOOK).then().statusCode(403);
    }

    @Test
    void aMessageTheProviderCouldNeverTakeIsRefusedWhenRecorded() {
        assertThrows(IllegalArgumentException.class, () -> Message.whatsapp("order_paid", "k", "081234567890"));
        assertThrows(IllegalArgumentException.class, () -> Message.whatsapp("order_paid", "k", "6281234567890"));
        String to = phone();
        assertThrows(IllegalArgumentException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                notifications.record(Message.whatsapp("order_paid", "k", to).withText("no template call"))));
        assertNotNull(Message.whatsapp("order_paid", "k", to));
        assertEquals(0, db.count("SELECT count(*) FROM notification_outbox"));
    }
}
