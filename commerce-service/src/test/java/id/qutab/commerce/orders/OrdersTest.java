package id.qutab.commerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.testing.TestDb;
import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.affiliate;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.names;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OrdersTest {

    @Inject
    TestDb db;

    @Inject
    ObjectMapper json;

    int stock(UUID product) {
        return ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue();
    }

    JsonNode outboxPayload(String type, UUID orderId) throws Exception {
        List<List<Object>> rows = db.rows("SELECT payload::text FROM outbox WHERE event_type = ? AND aggregate_id = ? "
                + "AND destination = 'affiliate'", type, orderId.toString());
        assertEquals(1, rows.size(), type + " rows for " + orderId);
        return json.readTree((String) rows.get(0).get(0));
    }

    @Test
    void placingAnOrderReservesStockSnapshotsLinesAndRecordsTheCreatedEvent() throws Exception {
        UUID me = UUID.randomUUID();
        UUID kambing = product("Kambing Jawa Randu", "kambing", 3_250_000, 10);
        UUID sapi = product("Sapi Bali utuh", "sapi", 24_500_000, 2);
        String id = place(me, order(item(kambing, 2, "Ahmad", "Siti"), item(sapi, 1, names(7, "Keluarga").toArray(String[]::new))))
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/orders/"))
                .body("number", matchesPattern("QTB-\\d{8}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}"))
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("items", hasSize(2))
                .body("items[0].productName", equalTo("Kambing Jawa Randu"))
                .body("items[0].unitPrice", equalTo(3_250_000))
                .body("items[0].lineTotal", equalTo(6_500_000))
                .body("items[0].onBehalfOf", contains("Ahmad", "Siti"))
                .body("items[1].category", equalTo("sapi"))
                .body("items[1].onBehalfOf", hasSize(7))
                .body("subtotal", equalTo(31_000_000))
                .body("discount", equalTo(0))
                .body("total", equalTo(31_000_000))
                .body("recipient.location", equalTo("Masjid Al-Ikhlas, Bandung"))
                .body("tracking[0].status", equalTo("PENDING_PAYMENT"))
                .body("paidAt", nullValue())
                .body("paymentDueAt", notNullValue())
                .extract().path("id");
        UUID orderId = UUID.fromString(id);
        assertEquals(8, stock(kambing));
        assertEquals(1, stock(sapi));
        // the snapshot survives a later price change
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Kambing mahal", "category", "kambing", "price", 9_999_999,
                "stock", 8)).put("/api/admin/products/" + kambing).then().statusCode(200);
        as(me).get("/api/orders/" + id).then().statusCode(200).body("items[0].unitPrice", equalTo(3_250_000))
                .body("items[0].productName", equalTo("Kambing Jawa Randu"));
        as(me).get("/api/orders").then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));

        JsonNode created = outboxPayload("commerce.order.created", orderId);
        assertEquals(id, created.get("orderId").asText());
        assertEquals(me.toString(), created.get("userId").asText());
        assertEquals(31_000_000, created.get("total").asLong());
        assertEquals("NONE", created.get("attribution").get("source").asText());
        assertTrue(created.get("referralCode").isNull());
        assertEquals(2, created.get("lines").size());
    }

    @Test
    void theDiscountIsSpreadOverTheLinesProRataWithTheRemainderOnTheLast() {
        UUID me = UUID.randomUUID();
        UUID a = product("kambing", 1_000_000, 5);
        UUID b = product("domba", 1_000_000, 5);
        UUID c = product("kambing", 1_000_000, 5);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 100_000)));
        UUID id = placed(me, with(order(item(a, 1), item(b, 1), item(c, 1)), "couponCode", code));
        as(me).get("/api/orders/" + id).then().statusCode(200)
                .body("subtotal", equalTo(3_000_000)).body("discount", equalTo(100_000)).body("total", equalTo(2_900_000))
                .body("couponCode", equalTo(code))
                .body("items.discount", contains(33_333, 33_333, 33_334))
                .body("items.paidAmount", contains(966_667, 966_667, 966_666));
        assertEquals(2_900_000L, ((Number) db.one("SELECT sum(paid_amount) FROM order_line WHERE order_id = ?", id)).longValue());
    }

    @Test
    void onBehalfOfNamesFollowTheCategoryRules() {
        UUID me = UUID.randomUUID();
        UUID kambing = product("kambing", 3_250_000, 5);
        UUID sapi = product("sapi", 3_700_000, 20);
        place(me, order(item(kambing, 2, "Ahmad"))).then().statusCode(400)
                .body("errors.field", hasItem("items[0].onBehalfOf"));
        place(me, order(item(sapi, 1, names(8, "Nama").toArray(String[]::new)))).then().statusCode(400)
                .body("errors.field", hasItem("items[0].onBehalfOf"));
        place(me, order(item(sapi, 2, names(14, "Nama").toArray(String[]::new)))).then().statusCode(201);
        place(me, order(item(kambing, 1, " "))).then().statusCode(400);
        // none given: the recipient, once per animal
        place(me, order(item(kambing, 2))).then().statusCode(201)
                .body("items[0].onBehalfOf", contains("Budi Santoso", "Budi Santoso"));
        assertEquals(3, stock(kambing)); // refused orders reserved nothing
    }

    @Test
    void attributionComesFromTheBodyTheCookieOrAnAffiliateCoupon() throws Exception {
        UUID me = UUID.randomUUID();
        UUID product = product("domba", 3_500_000, 20);
        String linkCode = "Lk" + UUID.randomUUID().toString().substring(0, 5);
        UUID linkAffiliate = affiliate(UUID.randomUUID(), linkCode);
        UUID couponAffiliate = affiliate(UUID.randomUUID(), "Cp" + UUID.randomUUID().toString().substring(0, 5));

        UUID viaBody = placed(me, with(order(item(product, 1)), "referralCode", linkCode));
        JsonNode a = outboxPayload("commerce.order.created", viaBody).get("attribution");
        assertEquals("LINK", a.get("source").asText());
        assertEquals(linkCode, a.get("referralCode").asText());
        assertEquals(linkAffiliate.toString(), a.get("affiliateId").asText());

        String cookieOrder = as(me).cookie("qutab_ref", linkCode + "~click-123").contentType(ContentType.JSON)
                .body(order(item(product, 1))).post("/api/orders").then().statusCode(201)
                .body("referralCode", equalTo(linkCode)).extract().path("id");
        JsonNode b = outboxPayload("commerce.order.created", UUID.fromString(cookieOrder));
        assertEquals("click-123", b.get("clickId").asText());
        assertEquals("LINK", b.get("attribution").get("source").asText());

        UUID unknown = placed(me, with(order(item(product, 1)), "referralCode", "NoSuchCode"));
        JsonNode c = outboxPayload("commerce.order.created", unknown);
        assertEquals("NONE", c.get("attribution").get("source").asText());
        assertTrue(c.get("referralCode").isNull());

        String code = couponCode(coupon(Map.of("affiliateId", couponAffiliate.toString())));
        String couponOrder = as(me).cookie("qutab_ref", linkCode + "~click-9").contentType(ContentType.JSON)
                .body(with(order(item(product, 1)), "couponCode", code)).post("/api/orders").then().statusCode(201)
                .extract().path("id");
        JsonNode d = outboxPayload("commerce.order.created", UUID.fromString(couponOrder));
        assertEquals("COUPON", d.get("attribution").get("source").asText());
        assertEquals(couponAffiliate.toString(), d.get("couponAffiliateId").asText());
        assertEquals(couponAffiliate.toString(), d.get("attribution").get("affiliateId").asText());
        assertEquals(linkAffiliate.toString(), d.get("attribution").get("referralAffiliateId").asText());
    }

    @Test
    void idempotencyKeyReturnsTheFirstOrderAndRefusesAnotherBody() {
        UUID me = UUID.randomUUID();
        UUID product = product("kambing", 3_250_000, 10);
        Map<String, Object> body = order(item(product, 1));
        String first = as(me).header("Idempotency-Key", "checkout-1").contentType(ContentType.JSON).body(body)
                .post("/api/orders").then().statusCode(201).extract().path("id");
        as(me).header("Idempotency-Key", "checkout-1").contentType(ContentType.JSON).body(body).post("/api/orders")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(me).header("Idempotency-Key", "checkout-1").contentType(ContentType.JSON).body(order(item(product, 2)))
                .post("/api/orders").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/idempotency-key-reused"));
        // keys are per customer
        as(UUID.randomUUID()).header("Idempotency-Key", "checkout-1").contentType(ContentType.JSON).body(body)
                .post("/api/orders").then().statusCode(201);
        assertEquals(8, stock(product));
    }

    @Test
    void cancelReleasesStockAndCouponAndOnlyWorksBeforePayment() throws Exception {
        UUID me = customer();
        UUID product = product("kambing", 3_250_000, 3);
        UUID couponId = coupon(Map.of("usageLimit", 5));
        UUID id = placed(me, with(order(item(product, 2)), "couponCode", couponCode(couponId)));
        assertEquals(1, stock(product));
        assertEquals(1, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", couponId)).intValue());
        as(me).contentType(ContentType.JSON).body(Map.of("reason", "Salah pilih hewan")).post("/api/orders/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo("Salah pilih hewan"));
        assertEquals(3, stock(product));
        assertEquals(0, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", couponId)).intValue());
        assertEquals("Salah pilih hewan", outboxPayload("commerce.order.cancelled", id).get("reason").asText());
        as(me).post("/api/orders/" + id + "/cancel").then().statusCode(409)
                .body("type", equalTo("https://qutab.id/problems/illegal-transition"));
        assertEquals(3, stock(product));

        UUID paid = placed(me, order(item(product, 1)));
        Pay.paid(me, paid);
        as(me).post("/api/orders/" + paid + "/cancel").then().statusCode(409);
    }

    static final String WITHOUT_REASON = "Dibatalkan oleh pelanggan.";

    /** The cancel body is optional; when sent it is checked like any other body, and a refused one changes nothing. */
    @Test
    void cancelBodyIsOptionalButValidatedWhenSent() {
        UUID me = customer();
        UUID product = product("kambing", 3_000_000, 10);
        UUID malformed = placed(me, order(item(product, 1)));
        as(me).contentType(ContentType.JSON).body("{\"reason\": ").post("/api/orders/" + malformed + "/cancel")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/malformed-body"));
        as(me).contentType(ContentType.JSON).body("{\"reason\": [1]}").post("/api/orders/" + malformed + "/cancel")
                .then().statusCode(400).contentType("application/problem+json");
        as(me).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(501)))
                .post("/api/orders/" + malformed + "/cancel")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/validation"))
                .body("errors.field", hasItem(equalTo("reason")));
        assertEquals("PENDING_PAYMENT", db.one("SELECT status FROM customer_order WHERE id = ?", malformed));
        as(me).contentType(ContentType.JSON).body(Map.of("reason", "x".repeat(500)))
                .post("/api/orders/" + malformed + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo("x".repeat(500)));

        UUID emptyJson = placed(me, order(item(product, 1)));
        as(me).contentType(ContentType.JSON).body("").post("/api/orders/" + emptyJson + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo(WITHOUT_REASON));
        UUID nullJson = placed(me, order(item(product, 1)));
        as(me).contentType(ContentType.JSON).body("null").post("/api/orders/" + nullJson + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo(WITHOUT_REASON));
        UUID noBody = placed(me, order(item(product, 1)));
        as(me).post("/api/orders/" + noBody + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo(WITHOUT_REASON));
        UUID notJson = placed(me, order(item(product, 1)));
        as(me).contentType(ContentType.TEXT).body("Salah pilih").post("/api/orders/" + notJson + "/cancel")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals("PENDING_PAYMENT", db.one("SELECT status FROM customer_order WHERE id = ?", notJson));
        UUID emptyObject = placed(me, order(item(product, 1)));
        as(me).contentType(ContentType.JSON).body("{}").post("/api/orders/" + emptyObject + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("closeReason", equalTo(WITHOUT_REASON));
    }

    @Test
    void adminMovesAPaidOrderAlongTheStatusMachineWithTrackingAndEvents() throws Exception {
        UUID me = customer();
        UUID product = product("domba", 3_500_000, 5);
        UUID id = placed(me, order(item(product, 1)));
        String path = "/api/admin/orders/" + id + "/status";
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING")).post(path).then().statusCode(409)
                .body("type", equalTo("https://qutab.id/problems/illegal-transition"));
        Pay.paid(me, id);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DISTRIBUTED")).post(path).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "CANCELLED")).post(path).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "SHIPPED")).post(path).then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING", "note", "Hewan dipilih dan diberi tanda"))
                .post(path).then().statusCode(200).body("status", equalTo("PROCESSING"));
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DISTRIBUTED", "note", "Disembelih dan dibagikan",
                "photoUrl", "https://cdn.qutab.id/bukti/123.jpg")).post(path).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING")).post(path).then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "COMPLETED", "photoUrl", "javascript:alert(1)"))
                .post(path).then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "COMPLETED")).post(path).then().statusCode(200)
                .body("completedAt", notNullValue());
        as(me).get("/api/orders/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED"))
                .body("tracking.status", contains("PENDING_PAYMENT", "PAID", "PROCESSING", "DISTRIBUTED", "COMPLETED"))
                .body("tracking[3].photoUrl", equalTo("https://cdn.qutab.id/bukti/123.jpg"))
                .body("tracking[3].note", equalTo("Disembelih dan dibagikan"));
        assertEquals(id.toString(), outboxPayload("commerce.order.completed", id).get("orderId").asText());
        outboxPayload("commerce.order.processing-started", id);
        outboxPayload("commerce.order.distributed", id);
        List<List<Object>> types = db.rows("SELECT event_type FROM outbox WHERE aggregate_id = ? AND destination = 'affiliate' ORDER BY seq",
                id.toString());
        assertEquals(List.of("commerce.order.created", "commerce.order.paid", "commerce.order.processing-started",
                "commerce.order.distributed", "commerce.order.completed"), types.stream().map(r -> r.get(0)).toList());

        asAdmin().queryParam("status", "COMPLETED").queryParam("q", db.one("SELECT number FROM customer_order WHERE id = ?", id))
                .get("/api/admin/orders").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].order.id", equalTo(id.toString())).body("items[0].userId", equalTo(me.toString()));
        asAdmin().get("/api/admin/orders/" + id).then().statusCode(200).body("payments", hasSize(1))
                .body("payments[0].status", equalTo("PAID"));
    }

    @Test
    void refundsAreRecordedFromPaidOnwardAndNotAfterTheRefundWindow() throws Exception {
        UUID me = customer();
        UUID product = product("kambing", 3_250_000, 5);
        UUID pending = placed(me, order(item(product, 1)));
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "x")).post("/api/admin/orders/" + pending + "/refund")
                .then().statusCode(409);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", " ")).post("/api/admin/orders/" + pending + "/refund")
                .then().statusCode(400);

        UUID paid = placed(me, order(item(product, 1)));
        Pay.paid(me, paid);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "Hewan sakit, tidak layak qurban"))
                .post("/api/admin/orders/" + paid + "/refund").then().statusCode(200).body("status", equalTo("REFUNDED"));
        assertEquals(3_250_000L, db.one("SELECT amount FROM refund WHERE order_id = ?", paid));
        assertEquals("MANUAL", db.one("SELECT settlement FROM refund WHERE order_id = ?", paid));
        JsonNode refunded = outboxPayload("commerce.order.refunded", paid);
        assertEquals("Hewan sakit, tidak layak qurban", refunded.get("reason").asText());
        assertEquals(3_250_000, refunded.get("amount").asLong());
        assertEquals("REFUNDED", refunded.get("status").asText());
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "again")).post("/api/admin/orders/" + paid + "/refund")
                .then().statusCode(409);
        assertEquals(3, stock(product)); // a refund does not put the animal back on sale

        UUID completed = placed(me, order(item(product, 1)));
        Pay.paid(me, completed);
        for (String s : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("status", s)).post("/api/admin/orders/" + completed + "/status")
                    .then().statusCode(200);
        }
        db.exec("UPDATE customer_order SET completed_at = now() - interval '31 days' WHERE id = ?", completed);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "late")).post("/api/admin/orders/" + completed + "/refund")
                .then().statusCode(422).body("type", equalTo("https://qutab.id/problems/refund-window-passed"));
        db.exec("UPDATE customer_order SET completed_at = now() - interval '29 days' WHERE id = ?", completed);
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "Keluhan penyaluran"))
                .post("/api/admin/orders/" + completed + "/refund").then().statusCode(200).body("status", equalTo("REFUNDED"));
    }

    @Test
    void outOfStockIsAConflictAndUnknownProductsAreRefused() {
        UUID me = UUID.randomUUID();
        UUID product = product("sapi", 24_000_000, 1);
        place(me, order(item(product, 2))).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/out-of-stock"));
        place(me, order(item(UUID.randomUUID(), 1))).then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/product-unavailable"));
        place(me, order(item(product, 1), item(product, 1))).then().statusCode(400);
        assertEquals(1, stock(product));
    }
}
