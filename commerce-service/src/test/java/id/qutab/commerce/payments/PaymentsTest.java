package id.qutab.commerce.payments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.qutab.testing.TestDb;
import id.qutab.commerce.support.Fixtures;
import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.PostgresResource;
import id.qutab.zendit.sandbox.ZenditSandbox;
import io.quarkus.arc.Arc;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.email;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance point 2: payments through the Zendit sandbox, callbacks over real HTTP. {@code PaymentsIT} runs these
 * tests against the packaged app (issue 14), so nothing here is injected: the database is read over JDBC and the
 * two in-process helpers (outbox relay, mock mailbox) are hooks the IT replaces.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class PaymentsTest {

    final TestDb db = TestDb.ofAppUnderTest();

    final ObjectMapper json = new ObjectMapper();

    final ZenditSandbox sandbox = ZenditSandboxResource.sandbox();

    String status(UUID orderId) {
        return (String) db.one("SELECT status FROM customer_order WHERE id = ?", orderId);
    }

    long outbox(String type, UUID orderId) {
        return db.count("SELECT count(*) FROM outbox WHERE event_type = ? AND aggregate_id = ? AND destination = 'affiliate'",
                type, orderId.toString());
    }

    void awaitCallbacks() {
        assertTrue(sandbox.awaitCallbacks(Duration.ofSeconds(15)), "sandbox callbacks did not settle");
    }

    /** Delivers the outbox (to this app itself in tests): the confirmation mail is sent by commerce's own consumer. */
    void relayOutbox() {
        Arc.container().instance(OutboxRelay.class).get().newWorker().drain(Duration.ofSeconds(20));
    }

    /**
     * Exactly {@code count} mails to {@code to}, the first of them checked by {@code content}. Mails leave after the
     * consumer's commit (platform notifications), so this waits for them, then gives a late extra one time to show
     * up before counting.
     */
    void mailed(String to, int count, Consumer<Mail> content) {
        MockMailbox mailbox = Arc.container().instance(MockMailbox.class).get();
        Fixtures.await(count + " mail(s) to " + to, Duration.ofSeconds(10), () -> {
            List<Mail> sent = mailbox.getMailsSentTo(to);
            return sent != null && sent.size() >= count;
        });
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Mail> sent = mailbox.getMailsSentTo(to);
        assertEquals(count, sent.size());
        content.accept(sent.get(0));
    }

    @Test
    void payingOnTheSandboxMarksTheOrderPaidOnceRecordsTheEventAndMailsTheCustomer() throws Exception {
        UUID me = customer();
        UUID kambing = product("Kambing Etawa", "kambing", 4_750_000, 5);
        UUID sapi = product("Sapi patungan", "sapi", 3_700_000, 14);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 100_001)));
        UUID orderId = placed(me, with(order(item(kambing, 1, "Ahmad"), item(sapi, 2, "Ali", "Umar", "Usman")),
                "couponCode", code));
        String number = (String) db.one("SELECT number FROM customer_order WHERE id = ?", orderId);

        as(me).get("/api/orders/" + orderId + "/invoice.pdf").then().statusCode(409)
                .contentType("application/problem+json");
        as(me).get("/api/orders/" + orderId + "/payment").then().statusCode(404);

        String paymentId = as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(201)
                .body("provider", equalTo("zendit"))
                .body("status", equalTo("PENDING"))
                .body("paymentUrl", startsWith(sandbox.baseUrl()))
                .body("expiresAt", notNullValue())
                .body("amount", equalTo(12_049_999))
                .extract().path("paymentId");
        String invoiceId = as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(200)
                .body("paymentId", equalTo(paymentId)).extract().path("providerInvoiceId");
        assertEquals(paymentId, sandbox.invoice(invoiceId).orElseThrow().externalId());
        assertEquals(12_049_999L, sandbox.invoice(invoiceId).orElseThrow().amount());

        sandbox.simulate(invoiceId, "PAID");
        Pay.awaitStatus(me, orderId, "PAID");
        awaitCallbacks();
        as(me).get("/api/orders/" + orderId).then().body("paidAt", notNullValue())
                .body("tracking.status", hasItem("PAID"));
        as(me).get("/api/orders/" + orderId + "/payment").then().statusCode(200).body("status", equalTo("PAID"))
                .body("paidAmount", equalTo(12_049_999)).body("paymentMethod", notNullValue());

        assertEquals(1, outbox("commerce.order.paid", orderId));
        JsonNode paid = json.readTree((String) db.one("""
                SELECT payload::text FROM outbox WHERE event_type = 'commerce.order.paid' AND aggregate_id = ?
                AND destination = 'affiliate'""", orderId.toString()));
        assertEquals(orderId.toString(), paid.get("orderId").asText());
        assertEquals(me.toString(), paid.get("userId").asText());
        assertEquals(12_150_000, paid.get("subtotal").asLong());
        assertEquals(100_001, paid.get("discount").asLong());
        assertEquals(12_049_999, paid.get("total").asLong());
        assertTrue(paid.hasNonNull("paidAt"));
        assertEquals("NONE", paid.get("attribution").get("source").asText());
        assertEquals(code, paid.get("attribution").get("couponCode").asText());
        JsonNode lines = paid.get("lines");
        assertEquals(2, lines.size());
        assertEquals(kambing.toString(), lines.get(0).get("productId").asText());
        assertEquals("kambing", lines.get(0).get("category").asText());
        assertEquals(1, lines.get(0).get("quantity").asInt());
        assertEquals(4_750_000, lines.get(0).get("lineTotal").asLong());
        // 100,001 × 4,750,000 / 12,150,000 = 39,095.4 → 39,095 on the first line, the remainder 60,906 on the last
        assertEquals(4_750_000 - 39_095, lines.get(0).get("paidAmount").asLong());
        assertEquals("sapi", lines.get(1).get("category").asText());
        assertEquals(7_400_000 - 60_906, lines.get(1).get("paidAmount").asLong());
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE event_type = 'commerce.order.paid' AND aggregate_id = ? "
                + "AND destination = 'commerce'", orderId.toString()));

        relayOutbox();
        mailed(email(me), 1, mail -> {
            assertTrue(mail.getSubject().contains(number), mail.getSubject());
            assertTrue(mail.getHtml().contains("Rp 12.049.999"), mail.getHtml());
            assertTrue(mail.getHtml().contains("Ali, Umar, Usman"));
        });

        // the same callback again (as the provider may): audited, no second effect
        sandbox.resendLastCallback(invoiceId);
        awaitCallbacks();
        // and an EXPIRED after PAID, out of order
        sandbox.sendCallback(invoiceId, "EXPIRED");
        awaitCallbacks();
        assertEquals("PAID", status(orderId));
        assertEquals(List.of(List.of("ORDER_PAID"), List.of("DUPLICATE"), List.of("STALE")),
                db.rows("SELECT outcome FROM payment_callback WHERE provider_invoice_id = ? ORDER BY received_at", invoiceId));
        assertTrue(db.count("SELECT count(*) FROM payment_callback WHERE provider_invoice_id = ? AND raw_body LIKE '%" + invoiceId + "%'",
                invoiceId) == 3);
        assertEquals(1, outbox("commerce.order.paid", orderId));
        relayOutbox();
        mailed(email(me), 1, mail -> { });
        as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(409);

        // invoice PDF
        byte[] pdf = as(me).get("/api/orders/" + orderId + "/invoice.pdf").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4));
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        reader.close();
        assertTrue(text.contains(number), text);
        assertTrue(text.contains("Rp 12.049.999"), text);
        assertTrue(text.contains(invoiceId), text);
        assertTrue(text.contains("Ali, Umar, Usman"), text);
        asAdmin().get("/api/orders/" + orderId + "/invoice.pdf").then().statusCode(200);
    }

    @Test
    void aForgedOrMissingCallbackTokenIsRefusedAndChangesNothing() {
        UUID me = customer();
        UUID product = product("domba", 3_500_000, 3);
        UUID orderId = placed(me, order(item(product, 1)));
        String invoiceId = Pay.open(me, orderId);
        String paymentId = (String) db.one("SELECT id::text FROM payment WHERE order_id = ?", orderId);
        String forged = "{\"id\":\"" + invoiceId + "\",\"external_id\":\"" + paymentId + "\",\"status\":\"PAID\","
                + "\"amount\":3500000,\"paid_amount\":3500000,\"currency\":\"IDR\",\"paid_at\":\"2026-11-21T10:00:00Z\"}";
        given().header("x-callback-token", "guessed-token").contentType(ContentType.JSON).body(forged)
                .post("/webhooks/zendit").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(forged).post("/webhooks/zendit").then().statusCode(401);
        given().header("x-callback-token", ZenditSandboxResource.CALLBACK_TOKEN + "x").contentType(ContentType.JSON)
                .body(forged).post("/webhooks/zendit").then().statusCode(401);
        assertEquals("PENDING_PAYMENT", status(orderId));
        assertEquals("PENDING", db.one("SELECT status FROM payment WHERE order_id = ?", orderId));
        assertEquals(0, db.count("SELECT count(*) FROM payment_callback WHERE provider_invoice_id = ?", invoiceId));
        assertEquals(0, outbox("commerce.order.paid", orderId));

        // the real token with a body that is not a callback: stored for audit, refused, nothing else
        given().header("x-callback-token", ZenditSandboxResource.CALLBACK_TOKEN).contentType(ContentType.JSON)
                .body("{not json").post("/webhooks/zendit").then().statusCode(400).contentType("application/problem+json");
        assertEquals("PENDING_PAYMENT", status(orderId));
    }

    @Test
    void aWrongPaidAmountDoesNotPayTheOrderAndIsFlaggedForAdmins() {
        UUID me = customer();
        UUID product = product("kambing", 3_250_000, 3);
        UUID orderId = placed(me, order(item(product, 1)));
        String invoiceId = Pay.open(me, orderId);
        sandbox.simulate(invoiceId, "PAID", 3_000_000);
        awaitCallbacks();
        assertEquals("PENDING_PAYMENT", status(orderId));
        assertEquals(List.of("AMOUNT_MISMATCH", "AMOUNT_MISMATCH", 3_000_000L),
                db.rows("SELECT status, flag, paid_amount FROM payment WHERE order_id = ?", orderId).get(0));
        assertEquals(0, outbox("commerce.order.paid", orderId));
        assertEquals("AMOUNT_MISMATCH", db.one("SELECT outcome FROM payment_callback WHERE provider_invoice_id = ?", invoiceId));
        asAdmin().queryParam("flagged", true).get("/api/admin/orders").then().statusCode(200)
                .body("items.order.id", hasItem(orderId.toString()));
        asAdmin().get("/api/admin/orders/" + orderId).then().body("payments[0].flag", equalTo("AMOUNT_MISMATCH"));
        as(me).get("/api/orders/" + orderId + "/payment").then().body("status", equalTo("AMOUNT_MISMATCH"));
    }

    @Test
    void aLostCallbackIsFoundByTheExpiryJobWhichMarksTheOrderPaidNotExpired() {
        UUID me = customer("en");
        UUID product = product("domba", 2_850_000, 3);
        UUID orderId = placed(me, order(item(product, 1)));
        String invoiceId = Pay.open(me, orderId);
        sandbox.setCallbackUrl("http://127.0.0.1:9/nowhere");
        try {
            sandbox.simulate(invoiceId, "PAID");
            awaitCallbacks();
        } finally {
            sandbox.setCallbackUrl(ZenditSandboxResource.CALLBACK_URL);
        }
        assertTrue(sandbox.callbackAttempts(invoiceId).stream().noneMatch(a -> a.succeeded()));
        assertEquals("PENDING_PAYMENT", status(orderId));
        db.exec("UPDATE customer_order SET payment_due_at = now() - interval '1 minute' WHERE id = ?", orderId);

        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200)
                .body("job", equalTo("payment-expiry")).body("paid", equalTo(1)).body("expired", equalTo(0));
        assertEquals("PAID", status(orderId));
        assertEquals("STATUS_QUERY", db.one("SELECT confirmed_by FROM payment WHERE order_id = ?", orderId));
        assertEquals(1, outbox("commerce.order.paid", orderId));
        assertEquals(0, outbox("commerce.order.expired", orderId));
        assertEquals(2, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200)
                .body("processed", equalTo(0)).body("paid", equalTo(0));
        relayOutbox();
        mailed(email(me), 1, mail -> {
            assertTrue(mail.getSubject().startsWith("Payment received - order QTB-"), mail.getSubject());
            assertTrue(mail.getHtml().contains("On behalf of: Budi Santoso"), mail.getHtml());
        });
    }

    @Test
    void theExpiryJobExpiresUnpaidOrdersAndReleasesStockAndCouponOnce() {
        UUID me = customer();
        UUID product = product("kambing", 3_250_000, 4);
        UUID couponId = coupon(Map.of("usageLimit", 2));
        UUID withInvoice = placed(me, with(order(item(product, 2)), "couponCode", couponCode(couponId)));
        String invoiceId = Pay.open(me, withInvoice);
        UUID withoutInvoice = placed(UUID.randomUUID(), order(item(product, 1)));
        UUID notDue = placed(UUID.randomUUID(), order(item(product, 1)));
        assertEquals(0, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        db.exec("UPDATE customer_order SET payment_due_at = now() - interval '1 minute' WHERE id IN (?, ?)",
                withInvoice, withoutInvoice);

        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200)
                .body("processed", equalTo(2)).body("expired", equalTo(2)).body("paid", equalTo(0));
        assertEquals("EXPIRED", status(withInvoice));
        assertEquals("EXPIRED", status(withoutInvoice));
        assertEquals("PENDING_PAYMENT", status(notDue));
        assertEquals(3, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        assertEquals(0, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", couponId)).intValue());
        assertEquals("EXPIRED", sandbox.invoice(invoiceId).orElseThrow().status());
        assertEquals("EXPIRED", db.one("SELECT status FROM payment WHERE order_id = ?", withInvoice));
        assertEquals(1, outbox("commerce.order.expired", withInvoice));
        as(me).get("/api/orders/" + withInvoice).then().body("status", equalTo("EXPIRED"))
                .body("closeReason", notNullValue());

        // twice in a row: the second run changes nothing
        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200).body("processed", equalTo(0));
        assertEquals(3, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        assertEquals(1, outbox("commerce.order.expired", withInvoice));
        // the provider's own EXPIRED callback arrives late: nothing more happens
        awaitCallbacks();
        assertEquals("EXPIRED", status(withInvoice));
        as(me).post("/api/admin/jobs/payment-expiry/run").then().statusCode(403);
        asAdmin().post("/api/admin/jobs/no-such-job/run").then().statusCode(404);
    }
}
