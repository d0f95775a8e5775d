package id.qutab.affiliate.commissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commission amounts, attribution rules, maturation, voiding and clawback — through the consumed events. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CommissionLifecycleTest {

    private static final String GOLD = "7e1a0000-0000-4000-8000-000000000003";

    @Inject
    TestDb db;

    @Inject
    CommissionMaturation maturation;

    @Inject
    ObjectMapper json;

    /** One order's events, delivered as commerce's relay would. */
    static final class Order {
        final UUID id = UUID.randomUUID();
        final String number = "QTB-" + id.toString().substring(0, 8).toUpperCase();
        final UUID buyer;
        final Attribution attribution;

        Order(UUID buyer, Attribution attribution) {
            this.buyer = buyer;
            this.attribution = attribution;
        }

        Order(Attribution attribution) {
            this(UUID.randomUUID(), attribution);
        }

        UUID commissionId() {
            return Commission.idFor(id);
        }

        Event created(long total) {
            return Event.of("commerce.order.created", id, Instant.now(),
                    Orders.created(id, number, buyer, "Budi Santoso", total, attribution));
        }

        Event paid(Instant paidAt, long discount, Line... lines) {
            return Event.of("commerce.order.paid", id, paidAt, Orders.paid(id, buyer, List.of(lines), discount, paidAt, attribution));
        }

        Event completed() {
            return Event.of("commerce.order.completed", id, Instant.now(), Orders.completed(id, Instant.now()));
        }

        Event closed(String type, String reason) {
            return Event.of("commerce.order." + type, id, Instant.now(), Orders.closed(id, reason, Instant.now()));
        }

        void createdAndPaid(Instant paidAt, long discount, Line... lines) {
            long total = java.util.Arrays.stream(lines).mapToLong(Line::lineTotal).sum() - discount;
            Events.deliverApplied(created(total));
            Events.deliverApplied(paid(paidAt, discount, lines));
        }
    }

    private List<Object> commission(Order order) {
        List<List<Object>> rows = db.rows("SELECT status, amount, rate_bps, sales_amount, affiliate_id, voided_reason,"
                + " clawback_at FROM commission WHERE order_id = ?", order.id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private JsonNode lastEvent(String type, UUID commissionId) throws Exception {
        Object payload = db.one("SELECT payload::text FROM outbox WHERE event_type = ? AND aggregate_id = ?"
                + " AND destination = 'payout' ORDER BY seq DESC LIMIT 1", type, commissionId.toString());
        assertNotNull(payload, type + " for " + commissionId);
        return json.readTree((String) payload);
    }

    @Test
    void theCommissionIsTheSumOfFlooredLinesOnWhatWasPaid() throws Exception {
        Affiliates.Made a = Affiliates.approved("Hitung", "Komisi");
        Order order = new Order(Attribution.link(a.code()));
        // sapi 300 bps, kambing 500 bps; discount 1,000,001 spread over 23,456,789 and 6,666,666 (remainder last)
        order.createdAndPaid(Instant.now(), 1_000_001, Line.of("sapi", 1, 23_456_789), Line.of("kambing", 2, 3_333_333));

        assertEquals(java.util.Arrays.asList("PENDING", 1_002_610L, 344, 29_123_454L, a.id(), null, null), commission(order));
        assertEquals(List.of(List.of(1, 22_678_100L, 300, 680_343L), List.of(2, 6_445_354L, 500, 322_267L)),
                db.rows("SELECT line_no, base, rule_rate_bps, amount FROM commission_line WHERE commission_id = ?"
                        + " ORDER BY line_no", order.commissionId()));
        JsonNode created = lastEvent("affiliate.commission.created", order.commissionId());
        assertEquals(order.commissionId().toString(), created.get("commissionId").asText());
        assertEquals(a.id().toString(), created.get("affiliateId").asText());
        assertEquals(order.id.toString(), created.get("orderId").asText());
        assertEquals(1_002_610, created.get("amount").asLong());
        assertEquals("PENDING", created.get("status").asText());
        assertEquals(344, created.get("rateBps").asInt());

        given().auth().oauth2(a.token()).get("/api/affiliate/commissions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(order.commissionId().toString()))
                .body("items[0].orderNumber", equalTo(order.number)).body("items[0].amount", equalTo(1_002_610))
                .body("items[0].rateBps", equalTo(344)).body("items[0].status", equalTo("PENDING"));
        given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then().statusCode(200)
                .body("items[0].status", equalTo("CONFIRMED")).body("items[0].customerName", equalTo("Bu** Sa*****"))
                .body("items[0].commission", equalTo(1_002_610)).body("items[0].source", equalTo("LINK"));
        assertEquals(List.of(1L, 1L, 29_123_454L, 1_002_610L), db.rows("SELECT sum(orders)::bigint, sum(conversions)::bigint,"
                + " sum(sales)::bigint, sum(commission)::bigint FROM daily_stats WHERE affiliate_id = ?", a.id()).get(0));
    }

    @Test
    void paidAmountsFromCommerceAreTheBaseAndTheTierBonusIsAdded() {
        Affiliates.Made a = Affiliates.approved("Bonus", "Emas");
        db.exec("UPDATE affiliate SET tier_id = ?::uuid WHERE id = ?", GOLD, a.id());
        Order order = new Order(Attribution.link(a.code()));
        // commerce says what was paid per line; Gold adds 100 bps: sapi 400, domba 600
        order.createdAndPaid(Instant.now(), 500_000, Line.of("sapi", 1, 10_000_000).paid(9_600_000),
                Line.of("domba", 1, 2_500_001).paid(2_400_001));
        // floor(9,600,000 × 400 / 10000) + floor(2,400,001 × 600 / 10000) = 384,000 + 144,000
        assertEquals(528_000L, commission(order).get(1));
        assertEquals(List.of(100, 100), db.rows("SELECT tier_bonus_bps FROM commission_line WHERE commission_id = ?",
                order.commissionId()).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void aFlatRulePaysPerUnit() {
        String category = "paket-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String ruleId = given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"flatAmountPerUnit\":50000}")
                .post("/api/admin/commission-rules").then().statusCode(201).extract().path("id");
        Affiliates.Made a = Affiliates.approved("Flat", "Rate");
        Order order = new Order(Attribution.link(a.code()));
        order.createdAndPaid(Instant.now(), 0, Line.of(category, 3, 4_000_000));
        assertEquals(150_000L, commission(order).get(1));
        given().auth().oauth2(Affiliates.admin()).delete("/api/admin/commission-rules/" + ruleId).then().statusCode(204);
    }

    @Test
    void aCouponOwnedByAnAffiliateBeatsALinkClick() {
        Affiliates.Made linkOwner = Affiliates.approved("Link", "Pemilik");
        Affiliates.Made couponOwner = Affiliates.approved("Kupon", "Pemilik");
        Order order = new Order(Attribution.coupon("KUPON10", couponOwner.id()).withLink(linkOwner.code()));
        order.createdAndPaid(Instant.now(), 0, Line.of("kambing", 1, 3_000_000));
        assertEquals(couponOwner.id(), commission(order).get(4));
        assertEquals(List.of(couponOwner.id(), "COUPON", "KUPON10"),
                db.rows("SELECT affiliate_id, source, coupon_code FROM lead WHERE order_id = ?", order.id).get(0));
        given().auth().oauth2(linkOwner.token()).get("/api/affiliate/referrals").then().body("total", equalTo(0));
        given().auth().oauth2(couponOwner.token()).get("/api/affiliate/referrals").then()
                .body("items[0].source", equalTo("COUPON"));
    }

    @Test
    void aSelfReferralEarnsNothingAndIsFlaggedForReview() {
        Affiliates.Made a = Affiliates.approved("Diri", "Sendiri");
        Order order = new Order(a.userId(), Attribution.link(a.code()));
        order.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000));
        assertNull(commission(order));
        assertEquals(0, db.count("SELECT count(*) FROM lead WHERE order_id = ?", order.id));
        assertEquals(List.of("SELF_REFERRAL", a.id()), db.rows("SELECT outcome, affiliate_id FROM tracked_order"
                + " WHERE order_id = ?", order.id).get(0));
        given().auth().oauth2(Affiliates.admin()).queryParam("affiliateId", a.id().toString())
                .get("/api/admin/affiliates/self-referrals").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].orderId", equalTo(order.id.toString()))
                .body("items[0].orderNumber", equalTo(order.number)).body("items[0].affiliateCode", equalTo(a.code()))
                .body("items[0].source", equalTo("LINK")).body("items[0].orderTotal", equalTo(20_000_000));
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/self-referrals").then().statusCode(200)
                .body("items.orderId", hasItem(order.id.toString()));
        given().auth().oauth2(a.token()).get("/api/admin/affiliates/self-referrals").then().statusCode(403);
        assertEquals(0, db.count("SELECT coalesce(sum(conversions), 0) FROM daily_stats WHERE affiliate_id = ?", a.id()));
    }

    @Test
    void suspendedOrUnknownAffiliatesEarnNothing() {
        Affiliates.Made a = Affiliates.approved("Tangguh", "Dulu");
        Affiliates.suspend(a.id());
        Order suspended = new Order(Attribution.link(a.code()));
        suspended.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000));
        Order unknown = new Order(Attribution.link("NoSuchCode"));
        unknown.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000));
        Order unknownCoupon = new Order(Attribution.coupon("X", UUID.randomUUID()));
        unknownCoupon.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000));
        for (Order o : List.of(suspended, unknown, unknownCoupon)) {
            assertNull(commission(o));
            assertEquals(0, db.count("SELECT count(*) FROM lead WHERE order_id = ?", o.id));
        }
        assertEquals("affiliate-suspended", db.one("SELECT outcome_reason FROM tracked_order WHERE order_id = ?", suspended.id));
        assertEquals("unknown-affiliate", db.one("SELECT outcome_reason FROM tracked_order WHERE order_id = ?", unknown.id));
    }

    @Test
    void maturationNeedsCompletionAndTheHoldingPeriod() throws Exception {
        Affiliates.Made a = Affiliates.approved("Matang", "Tiga");
        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        Order held = new Order(Attribution.link(a.code()));       // paid 31 days ago, completed → matures (30 days)
        held.createdAndPaid(longAgo, 0, Line.of("kambing", 1, 3_000_000));
        Events.deliverApplied(held.completed());
        Order young = new Order(Attribution.link(a.code()));      // paid 29 days ago, completed → not yet
        young.createdAndPaid(Instant.now().minus(Duration.ofDays(29)), 0, Line.of("kambing", 1, 3_000_000));
        Events.deliverApplied(young.completed());
        Order open = new Order(Attribution.link(a.code()));       // paid long ago, not completed → not yet
        open.createdAndPaid(longAgo, 0, Line.of("kambing", 1, 3_000_000));

        given().auth().oauth2(Affiliates.admin()).post("/api/admin/jobs/commission-maturation/run").then()
                .statusCode(200).body("job", equalTo("commission-maturation")).body("holdDays", equalTo(30));
        assertEquals("AVAILABLE", commission(held).get(0));
        assertEquals("PENDING", commission(young).get(0));
        assertEquals("PENDING", commission(open).get(0));
        assertNotNull(db.one("SELECT available_at FROM commission WHERE order_id = ?", held.id));
        JsonNode matured = lastEvent("affiliate.commission.matured", held.commissionId());
        assertEquals("AVAILABLE", matured.get("status").asText());
        assertEquals(150_000, matured.get("amount").asLong());
        assertEquals(a.id().toString(), matured.get("affiliateId").asText());
        // idempotent: nothing left to do, no second event
        given().auth().oauth2(Affiliates.admin()).post("/api/admin/jobs/commission-maturation/run").then()
                .statusCode(200).body("processed", equalTo(0));
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE event_type = 'affiliate.commission.matured'"
                + " AND aggregate_id = ?", held.commissionId().toString()));

        // with hold-days 0, completion is all it takes (the young one matures now too; the open one still waits)
        Order fresh = new Order(Attribution.link(a.code()));
        fresh.createdAndPaid(Instant.now().minusSeconds(1), 0, Line.of("domba", 1, 2_000_000));
        maturation.run(0);
        assertEquals("PENDING", commission(fresh).get(0), "not completed yet");
        assertEquals("AVAILABLE", commission(young).get(0));
        assertEquals("PENDING", commission(open).get(0));
        Events.deliverApplied(fresh.completed());
        assertTrue(maturation.run(0) >= 1);
        assertEquals("AVAILABLE", commission(fresh).get(0));
        assertEquals(0, maturation.run(0));

        given().auth().oauth2(a.token()).queryParam("status", "AVAILABLE").get("/api/affiliate/commissions").then()
                .body("total", equalTo(3)).body("items.orderId", hasItem(held.id.toString()))
                .body("items[0].availableAt", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then().statusCode(200)
                .body("commission.pending", equalTo(150_000)).body("commission.available", equalTo(400_000));
    }

    @Test
    void cancellingOrRefundingVoidsPendingAndAvailableCommissions() throws Exception {
        Affiliates.Made a = Affiliates.approved("Batal", "Refund");
        Order pending = new Order(Attribution.link(a.code()));
        pending.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000));
        Event refund = pending.closed("refunded", "Hewan tidak memenuhi syarat");
        Events.deliverApplied(refund);
        assertEquals(java.util.Arrays.asList("VOIDED", 600_000L, 300, 20_000_000L, a.id(), "order refunded: Hewan tidak memenuhi syarat", null),
                commission(pending));
        assertNotNull(db.one("SELECT voided_at FROM commission WHERE order_id = ?", pending.id));
        JsonNode voided = lastEvent("affiliate.commission.voided", pending.commissionId());
        assertEquals("VOIDED", voided.get("status").asText());
        assertEquals(600_000, voided.get("amount").asLong());
        assertEquals("PENDING", voided.get("previousStatus").asText());
        assertEquals("CANCELLED", db.one("SELECT status FROM lead WHERE order_id = ?", pending.id));
        // the void takes the sale out of the stats; the order stays counted as an order
        assertEquals(List.of(1L, 0L, 0L, 0L), db.rows("SELECT sum(orders)::bigint, sum(conversions)::bigint,"
                + " sum(sales)::bigint, sum(commission)::bigint FROM daily_stats WHERE affiliate_id = ?", a.id()).get(0));
        // redelivery changes nothing
        Events.deliver(refund);
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE event_type = 'affiliate.commission.voided'"
                + " AND aggregate_id = ? AND destination = 'payout'", pending.commissionId().toString()));

        Order available = new Order(Attribution.link(a.code()));
        available.createdAndPaid(Instant.now().minus(Duration.ofDays(40)), 0, Line.of("domba", 1, 2_000_000));
        Events.deliverApplied(available.completed());
        maturation.run(30);
        assertEquals("AVAILABLE", commission(available).get(0));
        Events.deliverApplied(available.closed("cancelled", null));
        assertEquals("VOIDED", commission(available).get(0));
        assertEquals("AVAILABLE", lastEvent("affiliate.commission.voided", available.commissionId()).get("previousStatus").asText());

        given().auth().oauth2(a.token()).queryParam("status", "VOIDED").get("/api/affiliate/commissions").then()
                .body("total", equalTo(2)).body("items.voidedReason", hasItem("order refunded: Hewan tidak memenuhi syarat"));
    }

    @Test
    void aPaidOutCommissionIsClawedBackNotRewritten() throws Exception {
        Affiliates.Made a = Affiliates.approved("Tarik", "Kembali");
        Order order = new Order(Attribution.link(a.code()));
        order.createdAndPaid(Instant.now().minus(Duration.ofDays(35)), 0, Line.of("sapi", 1, 30_000_000));
        Events.deliverApplied(order.completed());
        maturation.run(30);
        UUID payout = UUID.randomUUID();
        Instant paidOut = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Events.deliverApplied(Event.of("payout.payout.paid", payout, paidOut,
                Orders.payoutPaid(payout, a.id(), 900_000, paidOut, order.commissionId())));
        assertEquals("PAID", commission(order).get(0));
        assertEquals(List.of("PAID", payout), db.rows("SELECT l.status, c.payout_id FROM lead l JOIN commission c"
                + " ON c.order_id = l.order_id WHERE l.order_id = ?", order.id).get(0));
        given().auth().oauth2(a.token()).queryParam("status", "PAID").get("/api/affiliate/referrals").then()
                .body("total", equalTo(1));

        Events.deliverApplied(order.closed("refunded", "Permintaan pelanggan"));
        List<Object> c = commission(order);
        assertEquals("PAID", c.get(0), "history is not rewritten");
        assertNotNull(c.get(6));
        assertEquals(List.of(900_000L, "order refunded: Permintaan pelanggan"),
                db.rows("SELECT amount, reason FROM commission_clawback WHERE commission_id = ?", order.commissionId()).get(0));
        JsonNode clawback = lastEvent("affiliate.commission.clawback", order.commissionId());
        assertEquals(900_000, clawback.get("amount").asLong());
        assertEquals(order.id.toString(), clawback.get("orderId").asText());
        assertEquals(a.id().toString(), clawback.get("affiliateId").asText());
        assertEquals("order refunded: Permintaan pelanggan", clawback.get("reason").asText());
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE event_type = 'affiliate.commission.voided'"
                + " AND aggregate_id = ?", order.commissionId().toString()));
        given().auth().oauth2(a.token()).queryParam("status", "PAID").get("/api/affiliate/commissions").then()
                .body("items[0].clawback.amount", equalTo(900_000));
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then()
                .body("commission.paid", equalTo(900_000)).body("commission.clawedBack", equalTo(900_000));
    }

    @Test
    void aPaidEventArrivingAfterTheVoidDoesNotResurrectTheCommission() throws Exception {
        Affiliates.Made a = Affiliates.approved("Tidak", "Bangkit");
        Order order = new Order(Attribution.link(a.code()));
        Instant paidAt = Instant.now();
        order.createdAndPaid(paidAt, 0, Line.of("sapi", 1, 20_000_000));
        Events.deliverApplied(order.closed("refunded", "Dobel bayar"));
        assertEquals("VOIDED", commission(order).get(0));
        // commerce's relay delivers the paid event again (a new delivery id), then completion and maturation follow
        Events.deliverApplied(order.paid(paidAt, 0, Line.of("sapi", 1, 20_000_000)));
        Events.deliverApplied(order.completed());
        db.exec("UPDATE commission SET paid_at = paid_at - interval '40 days' WHERE order_id = ?", order.id);
        maturation.run(30);
        assertEquals(java.util.Arrays.asList("VOIDED", 600_000L, 300, 20_000_000L, a.id(), "order refunded: Dobel bayar",
                null), commission(order));
        assertEquals(List.of("affiliate.commission.created", "affiliate.commission.voided"),
                db.rows("SELECT event_type FROM outbox WHERE aggregate_id = ? AND destination = 'payout' ORDER BY seq",
                        order.commissionId().toString()).stream().map(r -> r.get(0)).toList());
        assertEquals("CANCELLED", db.one("SELECT status FROM lead WHERE order_id = ?", order.id));
        assertEquals(List.of(0L, 0L, 0L), db.rows("SELECT sum(conversions)::bigint, sum(sales)::bigint,"
                + " sum(commission)::bigint FROM daily_stats WHERE affiliate_id = ?", a.id()).get(0));
    }

    @Test
    void aPayoutThatPaidOutAVoidedCommissionMakesItPaidWithAClawbackNeverPendingAgain() throws Exception {
        Affiliates.Made a = Affiliates.approved("Bayar", "Duluan");
        Order order = new Order(Attribution.link(a.code()));
        order.createdAndPaid(Instant.now().minus(Duration.ofDays(35)), 0, Line.of("sapi", 1, 30_000_000));
        Events.deliverApplied(order.completed());
        maturation.run(30);
        // the refund is applied here before the payout that had already paid the commission out
        Events.deliverApplied(order.closed("refunded", "Hewan sakit"));
        assertEquals("VOIDED", commission(order).get(0));
        UUID payout = UUID.randomUUID();
        Instant paidOut = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Events.deliverApplied(Event.of("payout.payout.paid", payout, paidOut,
                Orders.payoutPaid(payout, a.id(), 900_000, paidOut, order.commissionId())));
        List<Object> c = commission(order);
        assertEquals("PAID", c.get(0), "the money went out: paid, not voided, never pending or available again");
        assertNull(c.get(5), "the void is withdrawn");
        assertNotNull(c.get(6), "and booked as a clawback");
        assertEquals(List.of(payout), db.rows("SELECT payout_id FROM commission WHERE order_id = ?", order.id).get(0));
        assertNull(db.one("SELECT voided_at FROM commission WHERE order_id = ?", order.id));
        assertEquals(List.of(900_000L, "order refunded: Hewan sakit"),
                db.rows("SELECT amount, reason FROM commission_clawback WHERE commission_id = ?", order.commissionId()).get(0));
        assertEquals(List.of("affiliate.commission.created", "affiliate.commission.matured", "affiliate.commission.voided",
                        "affiliate.commission.clawback"),
                db.rows("SELECT event_type FROM outbox WHERE aggregate_id = ? AND destination = 'payout' ORDER BY seq",
                        order.commissionId().toString()).stream().map(r -> r.get(0)).toList());
        // a later redelivery of the payout or the refund changes nothing
        Events.deliverApplied(Event.of("payout.payout.paid", payout, paidOut,
                Orders.payoutPaid(payout, a.id(), 900_000, paidOut, order.commissionId())));
        Events.deliverApplied(order.closed("refunded", "Hewan sakit"));
        assertEquals("PAID", commission(order).get(0));
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE event_type = 'affiliate.commission.clawback'"
                + " AND aggregate_id = ?", order.commissionId().toString()));
    }

    @Test
    void aRefundBeforeThePaymentEventVoidsTheCommissionAsSoonAsItExists() {
        Affiliates.Made a = Affiliates.approved("Urutan", "Acak");
        Order order = new Order(Attribution.link(a.code()));
        Events.deliverApplied(order.closed("refunded", "Dobel bayar"));
        Events.deliverApplied(order.completed());
        Events.deliverApplied(order.paid(Instant.now(), 0, Line.of("sapi", 1, 20_000_000)));
        Events.deliverApplied(order.created(20_000_000));
        assertEquals("VOIDED", commission(order).get(0));
        assertEquals(List.of("affiliate.commission.created", "affiliate.commission.voided"),
                db.rows("SELECT event_type FROM outbox WHERE aggregate_id = ? AND destination = 'payout' ORDER BY seq",
                        order.commissionId().toString()).stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("CANCELLED", order.number), db.rows("SELECT status, order_number FROM lead WHERE order_id = ?",
                order.id).get(0));
    }

    @Test
    void paidFirstWithoutDiscountNeedsNoPaidAmountsAndUnknownFieldsAreIgnored() {
        Affiliates.Made a = Affiliates.approved("Toleran", "Bentuk");
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Instant now = Instant.now();
        // paid first, no discount and lines without paidAmount, an unknown field
        Events.deliverApplied(Event.of("commerce.order.paid", order, now, "{\"orderId\":\"" + order + "\",\"userId\":\""
                + buyer + "\",\"attribution\":{\"referralCode\":\"" + a.code().toLowerCase() + "\"},\"lines\":[{\"category\":\"sapi\","
                + "\"quantity\":1,\"lineTotal\":10000000},{\"category\":\"kambing\",\"quantity\":1,\"lineTotal\":5000000,"
                + "\"flavour\":\"x\"}],\"discount\":0,\"total\":15000000,\"paidAt\":\"" + now + "\"}"));
        // no discount: each line paid its total → 10,000,000 × 3% + 5,000,000 × 5%
        assertEquals(List.of("PENDING", 550_000L),
                db.rows("SELECT status, amount FROM commission WHERE order_id = ?", order).get(0));
        assertEquals(a.code(), db.one("SELECT code FROM affiliate WHERE id = ?", a.id()));
        given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then()
                .body("items[0].customerName", equalTo("Pelanggan")).body("items[0].status", equalTo("CONFIRMED"));
        given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then()
                .body("items.orderId", not(hasItem(UUID.randomUUID().toString())));
    }

    @Test
    void aDiscountedOrderWithoutPaidAmountsIsRefusedNotSpreadAgain() {
        Affiliates.Made a = Affiliates.approved("Tanpa", "Bayar");
        UUID order = UUID.randomUUID();
        Instant now = Instant.now();
        // commerce's DiscountSpread pays these lines 0, 1 and 0; a second spread here made it 1, 1 and 0
        String payload = "{\"orderId\":\"" + order + "\",\"userId\":\"" + UUID.randomUUID() + "\",\"referralCode\":\""
                + a.code() + "\",\"lines\":[{\"category\":\"kambing\",\"quantity\":1,\"lineTotal\":3000000},"
                + "{\"category\":\"kambing\",\"quantity\":1,\"lineTotal\":3000000},{\"category\":\"kambing\",\"quantity\":1,"
                + "\"lineTotal\":1}],\"subtotal\":6000001,\"discount\":6000000,\"total\":1,\"paidAt\":\"" + now + "\"}";
        id.qutab.testing.SignedEvents.deliver(Event.of("commerce.order.paid", order, now, payload).envelope()).then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("paid-amount-missing"));
        assertEquals(0, db.count("SELECT count(*) FROM commission WHERE order_id = ?", order));
        assertEquals(0, db.count("SELECT count(*) FROM tracked_order WHERE order_id = ? AND paid_at IS NOT NULL", order));
    }

    @Test
    void commercesPaidAmountsAreTheBaseEvenWhereASecondSpreadWouldRoundOtherwise() {
        // Exactly commerce's payload (OrderEvents.Line) for the order above: DiscountSpread moved the remainder
        // the last line could not take (its share 2 > its total 1) to the first line.
        Affiliates.Made a = Affiliates.approved("Satu", "Sebaran");
        UUID order = UUID.randomUUID();
        Instant now = Instant.now();
        String lines = "[{\"productId\":\"" + UUID.randomUUID() + "\",\"productName\":\"Kambing A\",\"category\":\"kambing\","
                + "\"quantity\":1,\"unitPrice\":3000000,\"lineTotal\":3000000,\"discount\":3000000,\"paidAmount\":0},"
                + "{\"productId\":\"" + UUID.randomUUID() + "\",\"productName\":\"Kambing B\",\"category\":\"kambing\","
                + "\"quantity\":1,\"unitPrice\":3000000,\"lineTotal\":3000000,\"discount\":2999999,\"paidAmount\":1},"
                + "{\"productId\":\"" + UUID.randomUUID() + "\",\"productName\":\"Tali\",\"category\":\"kambing\","
                + "\"quantity\":1,\"unitPrice\":1,\"lineTotal\":1,\"discount\":1,\"paidAmount\":0}]";
        Events.deliverApplied(Event.of("commerce.order.paid", order, now, "{\"orderId\":\"" + order
                + "\",\"number\":\"QTB-20261130-0001\",\"userId\":\"" + UUID.randomUUID() + "\",\"lines\":" + lines
                + ",\"subtotal\":6000001,\"discount\":6000000,\"total\":1,\"paidAt\":\"" + now + "\",\"attribution\":"
                + "{\"referralCode\":\"" + a.code() + "\",\"clickId\":null,\"couponCode\":\"GRATIS\",\"couponAffiliateId\":null,"
                + "\"source\":\"LINK\"},\"paymentId\":\"" + UUID.randomUUID() + "\",\"paymentMethod\":\"QRIS\"}"));
        assertEquals(List.of(0L, 1L, 0L), db.rows("SELECT base FROM commission_line WHERE commission_id = ?"
                + " ORDER BY line_no", Commission.idFor(order)).stream().map(r -> r.get(0)).toList());
    }

    @Test
    void theEventsAsCommerceServicePublishesThem() {
        // The payload records of commerce-service's OrderEvents (number, lines with discount and paidAmount,
        // attribution with referralAffiliateId/affiliateId, createdAt, paymentDueAt, payment fields, status).
        Affiliates.Made a = Affiliates.approved("Bentuk", "Commerce");
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Events.userRegistered(buyer, "Wulan Sari", "wulan." + buyer + "@example.id");
        Instant createdAt = Instant.parse("2026-11-20T03:00:00.123456Z");
        Instant paidAt = Instant.parse("2026-11-20T03:10:00Z");
        String attribution = "{\"referralCode\":\"" + a.code() + "\",\"clickId\":\"0190f3a2-1111-7abc-8def-123456789abc\","
                + "\"referralAffiliateId\":\"" + a.id() + "\",\"couponCode\":\"HEMAT\",\"couponAffiliateId\":null,"
                + "\"source\":\"LINK\",\"affiliateId\":\"" + a.id() + "\"}";
        String lines = "[{\"productId\":\"" + UUID.randomUUID() + "\",\"productName\":\"Sapi Limosin 450 kg\",\"category\":\"sapi\","
                + "\"quantity\":1,\"unitPrice\":24000000,\"lineTotal\":24000000,\"discount\":960000,\"paidAmount\":23040000},"
                + "{\"productId\":\"" + UUID.randomUUID() + "\",\"productName\":\"Kambing Etawa\",\"category\":\"kambing\","
                + "\"quantity\":2,\"unitPrice\":3000000,\"lineTotal\":6000000,\"discount\":240000,\"paidAmount\":5760000}]";
        Events.deliverApplied(Event.of("commerce.order.created", order, createdAt, "{\"orderId\":\"" + order
                + "\",\"number\":\"QTB-20261120-0042\",\"userId\":\"" + buyer + "\",\"referralCode\":\"" + a.code()
                + "\",\"clickId\":\"0190f3a2-1111-7abc-8def-123456789abc\",\"couponCode\":\"HEMAT\",\"couponAffiliateId\":null,"
                + "\"subtotal\":30000000,\"discount\":1200000,\"total\":28800000,\"lines\":" + lines + ",\"attribution\":"
                + attribution + ",\"createdAt\":\"" + createdAt + "\",\"paymentDueAt\":\"2026-11-21T03:00:00Z\"}"));
        Events.deliverApplied(Event.of("commerce.order.paid", order, paidAt, "{\"orderId\":\"" + order
                + "\",\"number\":\"QTB-20261120-0042\",\"userId\":\"" + buyer + "\",\"lines\":" + lines
                + ",\"subtotal\":30000000,\"discount\":1200000,\"total\":28800000,\"paidAt\":\"" + paidAt
                + "\",\"attribution\":" + attribution + ",\"paymentId\":\"" + UUID.randomUUID()
                + "\",\"paymentMethod\":\"BANK_TRANSFER\"}"));
        Events.deliver(Event.of("commerce.order.processing-started", order, Instant.now(), "{\"orderId\":\"" + order
                + "\",\"status\":\"PROCESSING\",\"note\":null,\"at\":\"" + Instant.now() + "\"}"));
        // 23,040,000 × 3% + 5,760,000 × 5% = 691,200 + 288,000
        assertEquals(java.util.Arrays.asList("PENDING", 979_200L, 340, 28_800_000L, a.id(), null, null),
                db.rows("SELECT status, amount, rate_bps, sales_amount, affiliate_id, voided_reason, clawback_at"
                        + " FROM commission WHERE order_id = ?", order).get(0));
        assertEquals(List.of("QTB-20261120-0042", "LINK", "0190f3a2-1111-7abc-8def-123456789abc"),
                db.rows("SELECT order_number, source, click_id FROM lead WHERE order_id = ?", order).get(0));
        given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then()
                .body("items[0].customerName", equalTo("Wu*** Sa**")).body("items[0].orderNumber", equalTo("QTB-20261120-0042"));

        Events.deliverApplied(Event.of("commerce.order.refunded", order, Instant.now(), "{\"orderId\":\"" + order
                + "\",\"number\":\"QTB-20261120-0042\",\"userId\":\"" + buyer + "\",\"status\":\"REFUNDED\","
                + "\"reason\":\"Hewan sakit\",\"at\":\"2026-11-20T09:00:00Z\",\"total\":28800000,\"amount\":28800000,"
                + "\"attribution\":" + attribution + "}"));
        assertEquals(List.of("VOIDED", "order refunded: Hewan sakit"),
                db.rows("SELECT status, voided_reason FROM commission WHERE order_id = ?", order).get(0));
    }

    @Test
    void twoInstancesMaturingAtOnceMatureEachCommissionExactlyOnce() throws Exception {
        Affiliates.Made a = Affiliates.approved("Dua", "Instans");
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID order = UUID.randomUUID();
            UUID id = Commission.idFor(order);
            ids.add(id);
            db.exec("INSERT INTO commission (id, affiliate_id, order_id, amount, rate_bps, tier_bonus_bps, sales_amount,"
                    + " status, paid_at, order_completed_at) VALUES (?, ?, ?, 1000, 500, 0, 20000, 'PENDING', ?, ?)",
                    id, a.id(), order, Instant.now().minus(Duration.ofDays(31)), Instant.now().minus(Duration.ofDays(1)));
        }
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        var first = two.submit(() -> maturation.run(30));
        var second = two.submit(() -> maturation.run(30));
        int processed = first.get() + second.get();
        two.shutdown();
        assertTrue(processed >= 40, "both runs together matured at least ours: " + processed);
        assertEquals(40, db.count("SELECT count(*) FROM commission WHERE affiliate_id = ? AND status = 'AVAILABLE'", a.id()));
        assertEquals(40, db.count("SELECT count(*) FROM outbox WHERE event_type = 'affiliate.commission.matured'"
                + " AND aggregate_id = ANY(?)", (Object) ids.stream().map(UUID::toString).toArray(String[]::new)));
        assertEquals(0, maturation.run(30));
    }
}
