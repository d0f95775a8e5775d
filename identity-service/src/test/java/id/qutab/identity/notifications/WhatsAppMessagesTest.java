package id.qutab.identity.notifications;

import id.qutab.testing.AppDataSource;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.WhatsAppSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestJwt;
import id.qutab.whatsapp.sandbox.Message;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static id.qutab.identity.notifications.People.Person;
import static id.qutab.identity.support.Api.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Events delivered to identity's inbox as a relay would ({@link SignedEvents}) become WhatsApp messages in the
 * sandbox: the right template, language and parameters, once per event, only for people who want them.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = WhatsAppSandboxResource.class, restrictToAnnotatedClass = false)
class WhatsAppMessagesTest {

    /** The app's database over the test JVM's own connection: also works against the packaged app (the *IT). */
    final DataSource db = new AppDataSource();

    WhatsAppSandbox sandbox = WhatsAppSandboxResource.sandbox();

    @BeforeEach
    void webhooksComeHere() {
        sandbox.setCallbackUrl("http://localhost:" + RestAssured.port + "/webhooks/whatsapp");
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    List<Message> messages(Person p) {
        return sandbox.messagesTo(p.digits());
    }

    /** Longer than a sender poll (1 s in tests): anything recorded would have been sent by now. */
    static void quietPeriod() throws InterruptedException {
        Thread.sleep(1_500);
    }

    static void deliver(UUID eventId, String type, UUID aggregate, String payload) {
        SignedEvents.deliver(eventId, type, aggregate.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
    }

    static String orderPaid(UUID orderId, String number, UUID userId, long total) {
        return """
                {"orderId":"%s","number":"%s","userId":"%s","lines":[],"subtotal":%d,"discount":0,"total":%d,
                 "paidAt":"2026-05-20T03:00:00Z","attribution":{"source":"NONE"}}""".formatted(orderId, number, userId, total, total);
    }

    @Test
    void orderPaidIsSentOnceInTheCustomersLanguageWithTheReceiptLinkEvenWhenRedelivered() throws Exception {
        Person budi = People.register("Budi Santoso", "customer", "en");
        UUID orderId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = orderPaid(orderId, "QTB-2026-0042", budi.id(), 3_250_000);
        deliver(eventId, "commerce.order.paid", orderId, payload);

        await("the message in the sandbox", () -> messages(budi).size() == 1);
        Message m = messages(budi).get(0);
        assertEquals("template", m.type());
        assertEquals("order_paid", m.templateName());
        assertEquals("en", m.language());
        assertEquals(List.of("Budi Santoso", "QTB-2026-0042", "Rp 3.250.000", "https://app.qutab.test/orders/" + orderId),
                m.parameters());

        // the relay delivers it again (a lost answer): the inbox says duplicate
        SignedEvents.deliver(eventId, "commerce.order.paid", orderId.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        // and with its inbox id gone (retention), the message's dedupe key (the event id) still holds
        Db.update(db, "DELETE FROM inbox WHERE event_id = ?", eventId);
        deliver(eventId, "commerce.order.paid", orderId, payload);
        quietPeriod();
        assertEquals(1, messages(budi).size());
        Map<String, Object> row = Db.one(db, "SELECT template, template_version, locale, recipient, dedupe_key "
                + "FROM notification_outbox WHERE channel = 'whatsapp' AND recipient = ?", budi.phone());
        assertEquals("order_paid", row.get("template"));
        assertEquals(1, row.get("template_version"));
        assertEquals("en", row.get("locale"));
        assertEquals(eventId.toString(), row.get("dedupe_key"));

        // the sandbox reported sent and delivered through /webhooks/whatsapp (signed): the log shows it
        await("DELIVERED in the log", () -> "DELIVERED".equals(bearer(TestJwt.admin())
                .queryParam("to", budi.national()).get("/api/admin/notifications/messages").then().statusCode(200)
                .extract().path("items[0].status")));
        bearer(TestJwt.admin()).queryParam("to", budi.phone()).get("/api/admin/notifications/messages").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].channel", equalTo("WHATSAPP"))
                .body("items[0].to", equalTo(budi.phone()))
                .body("items[0].templateKey", equalTo("order_paid"))
                .body("items[0].templateVersion", equalTo(1));
    }

    @Test
    void distributionPhotosBecomeAbsoluteLinksInTheCustomersLanguage() throws Exception {
        Person siti = People.register("Siti Aminah", "customer", "id");
        UUID orderId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.distributed", orderId, """
                {"orderId":"%s","number":"QTB-2026-0043","userId":"%s","status":"DISTRIBUTED","note":"Alhamdulillah",
                 "photoUrl":"/media/orders/abc.jpg"}""".formatted(orderId, siti.id()));
        await("the message", () -> messages(siti).size() == 1);
        Message m = messages(siti).get(0);
        assertEquals("order_distributed", m.templateName());
        assertEquals("id", m.language());
        assertEquals(List.of("Siti Aminah", "QTB-2026-0043", "https://qutab.test/media/orders/abc.jpg"), m.parameters());
    }

    @Test
    void transactionalOptOutIsRespected() throws Exception {
        Person p = People.register("Rina", "customer", "id");
        bearer(TestJwt.customer(p.id())).body("""
                {"whatsapp":{"transactional":false,"promotions":false},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        UUID orderId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.paid", orderId, orderPaid(orderId, "QTB-1", p.id(), 100_000));
        quietPeriod();
        assertEquals(0, messages(p).size());
        assertEquals(0, Db.count(db, "SELECT count(*) FROM notification_outbox WHERE recipient = ?", p.phone()));

        // opted back in: the next one arrives
        bearer(TestJwt.customer(p.id())).body("""
                {"whatsapp":{"transactional":true,"promotions":false},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        UUID next = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.order.paid", next, orderPaid(next, "QTB-2", p.id(), 100_000));
        await("the message after opting in", () -> messages(p).size() == 1);
    }

    @Test
    void remindersArePromotionsSoNoneUntilTheCustomerOptsIn() throws Exception {
        Person p = People.register("Ahmad", "customer", "id");
        String reminder = """
                {"reminderId":"%s","userId":"%s","kind":"QURBAN","year":2026,"eidDate":"2026-05-27",
                 "link":"https://app.qutab.test/catalog"}""";
        UUID first = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.reminder.due", p.id(), reminder.formatted(first, p.id()));
        quietPeriod();
        assertEquals(0, messages(p).size());

        bearer(TestJwt.customer(p.id())).body("""
                {"whatsapp":{"transactional":true,"promotions":true},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        UUID second = UUID.randomUUID();
        deliver(UUID.randomUUID(), "commerce.reminder.due", p.id(), reminder.formatted(second, p.id()));
        // the reminder job runs again (another event, the same reminder): still one message
        deliver(UUID.randomUUID(), "commerce.reminder.due", p.id(), reminder.formatted(second, p.id()));
        await("the reminder", () -> messages(p).size() == 1);
        quietPeriod();
        assertEquals(1, messages(p).size());
        Message m = messages(p).get(0);
        assertEquals("reminder_qurban", m.templateName());
        assertEquals(List.of("Ahmad", "27 Mei 2026", "https://app.qutab.test/catalog"), m.parameters());
        assertEquals(second.toString(), Db.one(db, "SELECT dedupe_key FROM notification_outbox WHERE recipient = ?",
                p.phone()).get("dedupe_key"));
    }

    @Test
    void aBirthdayGreetingNamesACouponOnlyWhenCommerceSentOne() throws Exception {
        Person p = People.register("Rina", "customer", "id");
        bearer(TestJwt.customer(p.id())).body("""
                {"whatsapp":{"transactional":true,"promotions":true},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        String birthday = """
                {"reminderId":"%s","userId":"%s","kind":"BIRTHDAY","year":2026,"personName":"Aisyah","relation":"CHILD"%s}""";
        deliver(UUID.randomUUID(), "commerce.reminder.due", p.id(), birthday.formatted(UUID.randomUUID(), p.id(), ""));
        await("the greeting", () -> messages(p).size() == 1);
        assertEquals("reminder_birthday", messages(p).get(0).templateName());
        assertEquals(List.of("Rina", "Aisyah"), messages(p).get(0).parameters());
        assertEquals(2, Db.one(db, "SELECT template_version FROM notification_outbox WHERE recipient = ?", p.phone())
                .get("template_version"));

        deliver(UUID.randomUUID(), "commerce.reminder.due", p.id(),
                birthday.formatted(UUID.randomUUID(), p.id(), ",\"couponCode\":\"ULTAH-7Q2M\",\"couponAmount\":50000"));
        await("the gift", () -> messages(p).size() == 2);
        assertEquals("reminder_birthday_gift", messages(p).get(1).templateName());
        assertEquals(List.of("Rina", "Aisyah", "ULTAH-7Q2M"), messages(p).get(1).parameters());
    }

    @Test
    void anEditedTemplateIsUsedFromThenOnAndTheOldMessageKeepsItsVersion() throws Exception {
        Person p = People.register("Dewi", "customer", "id");
        deliver(UUID.randomUUID(), "commerce.loyalty.earned", p.id(), """
                {"userId":"%s","points":325,"balanceAfter":1325,"orderId":"%s"}""".formatted(p.id(), UUID.randomUUID()));
        await("the first message", () -> messages(p).size() == 1);
        assertEquals(List.of("Dewi", "325", "1.325"), messages(p).get(0).parameters());

        String v1 = bearer(TestJwt.admin()).queryParam("key", "loyalty_points_earned").queryParam("locale", "id")
                .get("/api/admin/notifications/templates").then().statusCode(200).extract().path("items[0].id");
        int version = bearer(TestJwt.admin()).body(Map.of("category", "loyalty",
                        "body", "Saldo poin Anda {{balance}}: bertambah {{points}} poin. Terima kasih, {{name}}!"))
                .put("/api/admin/notifications/templates/" + v1).then().statusCode(200).extract().path("version");

        deliver(UUID.randomUUID(), "commerce.loyalty.earned", p.id(), """
                {"userId":"%s","points":50,"balanceAfter":1375}""".formatted(p.id()));
        await("the second message", () -> messages(p).size() == 2);
        Message second = messages(p).get(1);
        assertEquals("loyalty_points_earned", second.templateName());
        assertEquals(List.of("1.375", "50", "Dewi"), second.parameters()); // the new body's order
        List<Map<String, Object>> rows = Db.rows(db, "SELECT template_version FROM notification_outbox "
                + "WHERE recipient = ? ORDER BY created_at", p.phone());
        assertEquals(List.of(version - 1, version), rows.stream().map(r -> r.get("template_version")).toList());
    }

    @Test
    void tierUpgradesAreMessagedDowngradesAreNot() throws Exception {
        Person p = People.register("Fajar", "customer", "en");
        deliver(UUID.randomUUID(), "commerce.loyalty.tier-changed", p.id(), """
                {"userId":"%s","points":0,"balanceAfter":900,"tier":"BRONZE","previousTier":"SILVER"}""".formatted(p.id()));
        deliver(UUID.randomUUID(), "commerce.loyalty.tier-changed", p.id(), """
                {"userId":"%s","points":0,"balanceAfter":900,"tier":"GOLD","previousTier":"SILVER"}""".formatted(p.id()));
        await("the upgrade", () -> messages(p).size() == 1);
        quietPeriod();
        assertEquals(1, messages(p).size());
        assertEquals("loyalty_tier_upgraded", messages(p).get(0).templateName());
        assertEquals(List.of("Fajar", "Gold"), messages(p).get(0).parameters());
    }

    @Test
    void anApprovedAffiliateGetsCodeAndLinkAndLaterItsPayout() throws Exception {
        Person p = People.register("Hendra", "affiliate", "id");
        UUID affiliateId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "affiliate.application.approved", affiliateId, """
                {"affiliateId":"%s","userId":"%s","code":"HENDRA26","approvedAt":"2026-05-01T00:00:00Z"}"""
                .formatted(affiliateId, p.id()));
        await("the approval", () -> messages(p).size() == 1);
        assertEquals("affiliate_approved", messages(p).get(0).templateName());
        assertEquals(List.of("Hendra", "HENDRA26", "https://qutab.test/r/HENDRA26"), messages(p).get(0).parameters());

        UUID payoutId = UUID.randomUUID();
        deliver(UUID.randomUUID(), "payout.payout.paid", payoutId, """
                {"payoutId":"%s","affiliateId":"%s","amount":1500000,"transferReference":"TRF-1",
                 "paidAt":"2026-06-01T00:00:00Z","commissionIds":[],"allocations":[],"unallocatedAmount":0}"""
                .formatted(payoutId, affiliateId));
        await("the payout", () -> messages(p).size() == 2);
        assertEquals("payout_paid", messages(p).get(1).templateName());
        assertEquals(List.of("Hendra", "Rp 1.500.000"), messages(p).get(1).parameters());

        // a payout of an affiliate identity never heard of: nobody to tell, and the event is still consumed
        deliver(UUID.randomUUID(), "payout.payout.paid", UUID.randomUUID(), """
                {"payoutId":"%s","affiliateId":"%s","amount":1}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void deletedAccountsGetNothing() throws Exception {
        Person p = People.register("Joko", "customer", "id");
        bearer(TestJwt.customer(p.id())).delete("/api/me").then().statusCode(204);
        UUID orderId = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        deliver(deleted, "commerce.order.paid", orderId, orderPaid(orderId, "QTB-9", p.id(), 1_000));
        // an order of someone identity does not know
        deliver(unknown, "commerce.order.paid", orderId, orderPaid(orderId, "QTB-9", UUID.randomUUID(), 1_000));
        quietPeriod();
        assertEquals(0, messages(p).size());
        assertEquals(0, Db.count(db, "SELECT count(*) FROM notification_outbox WHERE dedupe_key IN (?, ?)",
                deleted.toString(), unknown.toString()));
    }
}
