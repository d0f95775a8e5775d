package id.qutab.affiliate.commissions;

import id.qutab.affiliate.commissions.CommissionLifecycleTest.Order;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A paid event applied late (a dead letter replayed days later) earns what the rules and the affiliate's tier
 * said when the order was paid, not what they say when the event is processed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CommissionAsOfPaymentTest {

    @Inject
    TestDb db;

    private long amount(Order order) {
        return db.count("SELECT amount FROM commission WHERE order_id = ?", order.id);
    }

    @Test
    void aRuleChangedAfterThePaymentDoesNotApplyToIt() {
        String category = "asof-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String ruleId = given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"rateBps\":500}")
                .post("/api/admin/commission-rules").then().statusCode(201).extract().path("id");
        Affiliates.Made a = Affiliates.approved("Aturan", "Lama");
        Order order = new Order(Attribution.link(a.code()));
        Instant paidAt = Instant.now();

        // After the payment, before its event is applied: the rate goes up, then a second category is
        // created. Neither existed for this order.
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"rateBps\":900}")
                .put("/api/admin/commission-rules/" + ruleId).then().statusCode(200);
        String later = category + "-b";
        String laterId = given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"category\":\"" + later + "\",\"rateBps\":700}")
                .post("/api/admin/commission-rules").then().statusCode(201).extract().path("id");

        order.createdAndPaid(paidAt, 0, Line.of(category, 1, 10_000_000).paid(10_000_000),
                Line.of(later, 1, 1_000_000).paid(1_000_000));
        // 500 bps of 10,000,000; the later category earns nothing for an order paid before it existed
        assertEquals(500_000, amount(order));
        assertEquals(List.of(List.of(500, 500_000L), java.util.Arrays.asList(null, 0L)),
                db.rows("SELECT rule_rate_bps, amount FROM commission_line WHERE commission_id = ? ORDER BY line_no",
                        order.commissionId()));

        // An order paid now earns today's rate.
        Order now = new Order(Attribution.link(a.code()));
        now.createdAndPaid(Instant.now(), 0, Line.of(category, 1, 10_000_000).paid(10_000_000));
        assertEquals(900_000, amount(now));

        given().auth().oauth2(Affiliates.admin()).delete("/api/admin/commission-rules/" + ruleId).then().statusCode(204);
        given().auth().oauth2(Affiliates.admin()).delete("/api/admin/commission-rules/" + laterId).then().statusCode(204);
        // Deleted after the payment: still the rate of the payment's time.
        Order replayed = new Order(Attribution.link(a.code()));
        replayed.createdAndPaid(paidAt, 0, Line.of(category, 1, 10_000_000).paid(10_000_000));
        assertEquals(500_000, amount(replayed));
    }

    @Test
    void aTierChangedAfterThePaymentDoesNotApplyToIt() {
        // A tier of its own (a threshold nobody reaches), so the ladder the other tests see is unchanged.
        UUID tier = UUID.randomUUID();
        long threshold = 9_000_000_000_000L + System.nanoTime() % 1_000_000;
        db.exec("INSERT INTO tier (id, name, min_sales_90d, bonus_bps) VALUES (?, ?, ?, 150)", tier,
                "AsOf" + threshold, threshold);
        try {
            Affiliates.Made a = Affiliates.approved("Tingkat", "Lama");
            db.exec("UPDATE affiliate SET tier_id = ? WHERE id = ?", tier, a.id());
            Order order = new Order(Attribution.link(a.code()));
            Instant paidAt = Instant.now();

            // After the payment: the tier's bonus goes up, and the affiliate moves to Gold (+100).
            db.exec("UPDATE tier SET bonus_bps = 400 WHERE id = ?", tier);
            Order onNewBonus = new Order(Attribution.link(a.code()));
            onNewBonus.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 10_000_000).paid(10_000_000));
            db.exec("UPDATE affiliate SET tier_id = '7e1a0000-0000-4000-8000-000000000003'::uuid WHERE id = ?", a.id());

            order.createdAndPaid(paidAt, 0, Line.of("sapi", 1, 10_000_000).paid(10_000_000));
            // sapi 300 + the tier's bonus as it was (150) = 450 bps
            assertEquals(450_000, amount(order));
            assertEquals(150L, db.count("SELECT tier_bonus_bps FROM commission WHERE order_id = ?", order.id));
            // paid while the tier gave 400: 700 bps
            assertEquals(700_000, amount(onNewBonus));

            Order now = new Order(Attribution.link(a.code()));
            now.createdAndPaid(Instant.now(), 0, Line.of("sapi", 1, 10_000_000).paid(10_000_000));
            assertEquals(400_000, amount(now)); // Gold: 300 + 100
        } finally {
            db.exec("DELETE FROM tier WHERE id = ?", tier);
        }
    }
}
