package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.loyalty.rewards.Rewards.create;
import static id.qutab.commerce.loyalty.rewards.Rewards.givePoints;
import static id.qutab.commerce.loyalty.rewards.Rewards.redeem;
import static id.qutab.commerce.loyalty.rewards.Rewards.reward;
import static id.qutab.commerce.loyalty.rewards.Rewards.withPoints;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 12 "Rewards": the catalogue, redemption, checkout discounts and their return, against real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class RewardsTest {

    @Inject
    TestDb db;

    @Inject
    LoyaltyLedger ledger;

    @Inject
    RewardRedemption redemption;

    static ValidatableResponse problem(ValidatableResponse r, int status, String slug) {
        r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
        return slug == null ? r : r.body("type", equalTo("https://qutab.id/problems/" + slug));
    }

    long balance(UUID user) {
        return ledger.balance(user);
    }

    long entries(UUID user, String type) {
        return db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = ?", user, type);
    }

    int redeemed(UUID reward) {
        return ((Number) db.one("SELECT redeemed FROM loyalty_reward WHERE id = ?", reward)).intValue();
    }

    @Test
    void adminMaintainsTheCatalogue() {
        Map<String, Object> body = reward("DISCOUNT", 500, 250_000);
        body.put("name", "Diskon Rp 250 000");
        body.put("stock", 10);
        body.put("validUntil", "2030-01-01T00:00:00Z");
        UUID id = create(body);
        asAdmin().get("/api/admin/loyalty/rewards/" + id).then().statusCode(200)
                .body("name", equalTo("Diskon Rp 250 000")).body("pointsCost", equalTo(500)).body("kind", equalTo("DISCOUNT"))
                .body("value", equalTo(250_000)).body("stock", equalTo(10)).body("validFrom", nullValue())
                .body("validUntil", startsWith("2030-01-01")).body("active", equalTo(true)).body("redeemed", equalTo(0));

        Map<String, Object> put = reward("COUPON", 300, 100_000);
        put.put("name", "Gratis ongkir distribusi");
        asAdmin().contentType(ContentType.JSON).body(put).put("/api/admin/loyalty/rewards/" + id).then().statusCode(200)
                .body("name", equalTo("Gratis ongkir distribusi")).body("kind", equalTo("COUPON"))
                .body("stock", nullValue()).body("validUntil", nullValue()).body("pointsCost", equalTo(300));

        asAdmin().delete("/api/admin/loyalty/rewards/" + id).then().statusCode(204);
        asAdmin().get("/api/admin/loyalty/rewards/" + id).then().statusCode(200).body("active", equalTo(false));
        asAdmin().get("/api/admin/loyalty/rewards?active=false&size=100").then().statusCode(200)
                .body("items.id", hasItem(id.toString())).body("page", equalTo(0)).body("total", notNullValue());
        asAdmin().get("/api/admin/loyalty/rewards?active=true&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(id.toString())));

        problem(as(UUID.randomUUID()).get("/api/admin/loyalty/rewards").then(), 403, null);
        problem(given().get("/api/admin/loyalty/rewards").then(), 401, null);
        problem(asAdmin().get("/api/admin/loyalty/rewards/" + UUID.randomUUID()).then(), 404, null);
        problem(asAdmin().delete("/api/admin/loyalty/rewards/" + UUID.randomUUID()).then(), 404, null);
    }

    @Test
    void theStockCannotBeSetBelowWhatWasRedeemed() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 200);
        Map<String, Object> body = reward("COUPON", 100, 50_000);
        body.put("stock", 5);
        UUID id = create(body);
        redeem(me, id, null).then().statusCode(201);
        redeem(me, id, null).then().statusCode(201);
        body.put("stock", 1);
        problem(asAdmin().contentType(ContentType.JSON).body(body).put("/api/admin/loyalty/rewards/" + id).then(), 409,
                "stock-below-redeemed");
        body.put("stock", 2);
        asAdmin().contentType(ContentType.JSON).body(body).put("/api/admin/loyalty/rewards/" + id).then().statusCode(200)
                .body("stock", equalTo(2)).body("redeemed", equalTo(2));
    }

    @Test
    void theCustomerSeesOnlyWhatTheyCanRedeemNow() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 150);
        Instant now = Instant.now();
        UUID affordable = create(reward("DISCOUNT", 100, 100_000));
        UUID exact = create(reward("COUPON", 150, 100_000));
        UUID dear = create(reward("DISCOUNT", 151, 100_000));
        Map<String, Object> inactive = reward("DISCOUNT", 50, 100_000);
        inactive.put("active", false);
        UUID off = create(inactive);
        Map<String, Object> expired = reward("DISCOUNT", 50, 100_000);
        expired.put("validFrom", now.minus(2, ChronoUnit.DAYS).toString());
        expired.put("validUntil", now.minus(1, ChronoUnit.MINUTES).toString());
        UUID past = create(expired);
        Map<String, Object> future = reward("DISCOUNT", 50, 100_000);
        future.put("validFrom", now.plus(1, ChronoUnit.DAYS).toString());
        UUID notYet = create(future);
        Map<String, Object> none = reward("COUPON", 50, 100_000);
        none.put("stock", 0);
        UUID soldOut = create(none);
        Map<String, Object> few = reward("COUPON", 50, 100_000);
        few.put("stock", 3);
        UUID limited = create(few);
        redeem(UUID.randomUUID(), limited, null).then().statusCode(422); // no points: takes nothing
        givePoints(ledger, me, 50);
        redeem(me, limited, null).then().statusCode(201); // 200 left, 2 of 3 in stock

        List<Map<String, Object>> list = as(me).get("/api/loyalty/rewards").then().statusCode(200).extract().path("$");
        List<String> ids = list.stream().map(r -> (String) r.get("id")).toList();
        assertTrue(ids.containsAll(List.of(affordable.toString(), exact.toString(), limited.toString())), ids.toString());
        for (UUID hidden : List.of(dear, off, past, notYet, soldOut)) {
            assertFalse(ids.contains(hidden.toString()), hidden + " listed: " + ids);
        }
        Map<String, Object> l = list.stream().filter(r -> r.get("id").equals(limited.toString())).findFirst().orElseThrow();
        assertEquals(2, l.get("stock"));
        assertEquals("COUPON", l.get("kind"));
        assertEquals(50, l.get("pointsCost"));
    }

    @Test
    void aCouponRewardIssuesASingleUseCouponOnlyItsOwnerCanUse() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 120);
        UUID reward = create(reward("COUPON", 100, 150_000));
        var r = redeem(me, reward, null).then().statusCode(201)
                .body("redemptionId", notNullValue()).body("couponCode", startsWith("PTS-")).extract();
        String code = r.path("couponCode");
        assertEquals(20, balance(me));
        assertEquals(1, entries(me, "REDEEM"));
        assertEquals(-100L, ((Number) db.one("SELECT points FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me)).longValue());
        assertEquals(reward, db.one("SELECT reward_id FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(1, redeemed(reward));
        assertEquals(me, db.one("SELECT owner_user_id FROM coupon WHERE code = ?", code));

        UUID product = product("kambing", 3_250_000, 5);
        UUID stranger = UUID.randomUUID();
        problem(place(stranger, with(order(item(product, 1)), "couponCode", code)).then(), 422, "coupon-not-found");
        as(stranger).contentType(ContentType.JSON).body(Map.of("code", code, "subtotal", 3_250_000))
                .post("/api/coupons/validate").then().statusCode(200).body("valid", equalTo(false))
                .body("reason", equalTo("coupon-not-found"));
        as(me).contentType(ContentType.JSON).body(Map.of("code", code, "subtotal", 3_250_000))
                .post("/api/coupons/validate").then().statusCode(200).body("valid", equalTo(true)).body("discount", equalTo(150_000));
        place(me, with(order(item(product, 1)), "couponCode", code)).then().statusCode(201)
                .body("discount", equalTo(150_000)).body("pointsDiscount", equalTo(0)).body("total", equalTo(3_100_000));
        problem(place(me, with(order(item(product, 1)), "couponCode", code)).then(), 422, "coupon-exhausted");

        // not enough points left (20 < 100): 422, nothing taken
        problem(redeem(me, reward, null).then(), 422, "not-enough-points");
        assertEquals(1, redeemed(reward));
        assertEquals(20, balance(me));
    }

    @Test
    void refusalsAreUnprocessableAndTakeNothing() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 1_000);
        UUID discount = create(reward("DISCOUNT", 100, 100_000));
        problem(redeem(me, discount, null).then(), 422, "reward-at-checkout");
        Map<String, Object> e = reward("COUPON", 100, 100_000);
        e.put("validUntil", Instant.now().minus(1, ChronoUnit.MINUTES).toString());
        problem(redeem(me, create(e), null).then(), 422, "reward-expired");
        Map<String, Object> f = reward("COUPON", 100, 100_000);
        f.put("validFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        problem(redeem(me, create(f), null).then(), 422, "reward-not-started");
        Map<String, Object> s = reward("COUPON", 100, 100_000);
        s.put("stock", 0);
        problem(redeem(me, create(s), null).then(), 422, "reward-out-of-stock");
        UUID gone = create(reward("COUPON", 100, 100_000));
        asAdmin().delete("/api/admin/loyalty/rewards/" + gone).then().statusCode(204);
        problem(redeem(me, gone, null).then(), 422, "reward-inactive");
        problem(redeem(me, UUID.randomUUID(), null).then(), 404, "not-found");
        assertEquals(1_000, balance(me));
        assertEquals(0, entries(me, "REDEEM"));
        assertEquals(0, redeemed(discount));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameAnswerAndSpendsOnce() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 500);
        UUID reward = create(reward("COUPON", 100, 50_000));
        UUID other = create(reward("COUPON", 100, 50_000));
        var first = redeem(me, reward, "redeem-" + me).then().statusCode(201).extract();
        var again = redeem(me, reward, "redeem-" + me).then().statusCode(200).header("Idempotent-Replayed", "true").extract();
        assertEquals((String) first.path("redemptionId"), again.path("redemptionId"));
        assertEquals((String) first.path("couponCode"), again.path("couponCode"));
        assertEquals(400, balance(me));
        assertEquals(1, redeemed(reward));
        // the same key for another reward is another request: refused, nothing spent
        problem(redeem(me, other, "redeem-" + me).then(), 422, "idempotency-key-reused");
        assertEquals(400, balance(me));
        assertEquals(0, redeemed(other));
        // without a key every request is a new redemption
        redeem(me, reward, null).then().statusCode(201);
        assertEquals(300, balance(me));
    }

    @Test
    void checkoutTurnsPointsIntoADiscountSpreadOverTheLines() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 130);
        UUID reward = create(reward("DISCOUNT", 100, 250_000));
        UUID goat = product("kambing", 3_250_000, 5);
        UUID sheep = product("domba", 3_500_000, 5);
        var placed = place(me, withPoints(order(item(goat, 1), item(sheep, 2)), reward)).then().statusCode(201)
                .body("subtotal", equalTo(10_250_000)).body("discount", equalTo(250_000))
                .body("pointsDiscount", equalTo(250_000)).body("total", equalTo(10_000_000)).extract();
        UUID orderId = UUID.fromString(placed.path("id"));
        List<Integer> discounts = placed.path("items.discount");
        List<Integer> paid = placed.path("items.paidAmount");
        assertEquals(250_000, discounts.stream().mapToInt(Integer::intValue).sum());
        assertEquals(10_000_000, paid.stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(79_268, 170_732), discounts); // DiscountSpread: in proportion to the line totals
        assertEquals(30, balance(me));
        assertEquals(orderId, db.one("SELECT order_id FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(250_000L, ((Number) db.one("SELECT value FROM loyalty_redemption WHERE order_id = ?", orderId)).longValue());
        assertEquals(1, redeemed(reward));
        // the event the affiliate service prices commissions from carries the discounted lines
        assertEquals(1, db.count("""
                SELECT count(*) FROM outbox WHERE event_type = 'commerce.order.created' AND aggregate_id = ? AND destination = 'affiliate'
                AND CAST(payload AS jsonb) ->> 'discount' = '250000'""", orderId.toString()));

        // not enough points left: the whole order is refused, its stock stays
        problem(place(me, withPoints(order(item(goat, 1)), reward)).then(), 422, "not-enough-points");
        assertEquals(4, ((Number) db.one("SELECT stock FROM product WHERE id = ?", goat)).intValue());
        // a COUPON reward or an unknown one is no checkout discount
        givePoints(ledger, me, 1_000);
        problem(place(me, withPoints(order(item(goat, 1)), create(reward("COUPON", 10, 10_000)))).then(), 422,
                "reward-not-a-discount");
        problem(place(me, withPoints(order(item(goat, 1)), UUID.randomUUID())).then(), 422, "reward-not-found");
    }

    @Test
    void thePointsDiscountIsCappedAtWhatTheCouponLeavesToPay() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID reward = create(reward("DISCOUNT", 100, 500_000));
        UUID goat = product("kambing", 3_250_000, 5);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 3_000_000)));
        UUID orderId = UUID.fromString(place(me, withPoints(with(order(item(goat, 1)), "couponCode", code), reward))
                .then().statusCode(201).body("discount", equalTo(3_250_000)).body("pointsDiscount", equalTo(250_000))
                .body("total", equalTo(0)).body("status", equalTo("PAID")).extract().path("id"));
        assertEquals(3_000_000L, ((Number) db.one("SELECT discount FROM coupon_redemption WHERE order_id = ?", orderId)).longValue());
        assertEquals(250_000L, ((Number) db.one("SELECT value FROM loyalty_redemption WHERE order_id = ?", orderId)).longValue());
        assertEquals(0, balance(me)); // the full cost is spent even when the value is capped

        // a coupon that already covers everything leaves nothing for the points: refused, nothing spent
        givePoints(ledger, me, 100);
        String all = couponCode(coupon(Map.of("discountType", "PERCENT", "discountValue", 100)));
        problem(place(me, withPoints(with(order(item(goat, 1)), "couponCode", all), reward)).then(), 422,
                "reward-nothing-to-discount");
        assertEquals(100, balance(me));
    }

    @Test
    void aCancelledOrderGivesThePointsAndTheStockBackOnce() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        Map<String, Object> body = reward("DISCOUNT", 100, 250_000);
        body.put("stock", 1);
        UUID reward = create(body);
        UUID goat = product("kambing", 3_250_000, 5);
        UUID orderId = UUID.fromString(place(me, withPoints(order(item(goat, 1)), reward)).then().statusCode(201)
                .extract().path("id"));
        assertEquals(0, balance(me));
        assertEquals(1, redeemed(reward));

        as(me).post("/api/orders/" + orderId + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(100, balance(me));
        assertEquals(1, entries(me, "RETURN"));
        assertEquals(0, redeemed(reward));
        assertEquals(orderId, db.one("SELECT order_id FROM loyalty_entry WHERE user_id = ? AND type = 'RETURN'", me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_redemption WHERE order_id = ? AND returned_at IS NOT NULL", orderId));

        // a second cancel is refused by the state machine; running the return again changes nothing
        problem(as(me).post("/api/orders/" + orderId + "/cancel").then(), 409, null);
        QuarkusTransaction.requiringNew().run(() -> redemption.giveBack(orderId, me));
        assertEquals(100, balance(me));
        assertEquals(1, entries(me, "RETURN"));
        assertEquals(0, redeemed(reward));

        // the points and the stock can be spent again
        place(me, withPoints(order(item(goat, 1)), reward)).then().statusCode(201).body("pointsDiscount", equalTo(250_000));
        assertEquals(0, balance(me));
    }

    @Test
    void anExpiredOrderGivesThePointsBackOnce() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID reward = create(reward("DISCOUNT", 100, 250_000));
        UUID goat = product("kambing", 3_250_000, 5);
        UUID orderId = UUID.fromString(place(me, withPoints(order(item(goat, 1)), reward)).then().statusCode(201)
                .extract().path("id"));
        db.exec("UPDATE customer_order SET payment_due_at = now() - interval '1 minute' WHERE id = ?", orderId);
        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200);
        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200);
        assertEquals("EXPIRED", db.one("SELECT status FROM customer_order WHERE id = ?", orderId));
        assertEquals(100, balance(me));
        assertEquals(1, entries(me, "RETURN"));
        assertEquals(0, redeemed(reward));
        QuarkusTransaction.requiringNew().run(() -> redemption.giveBack(orderId, me));
        assertEquals(1, entries(me, "RETURN"));
    }

    @Test
    void aPaidOrderKeepsItsPointsSpent() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID reward = create(reward("DISCOUNT", 100, 250_000));
        UUID goat = product("kambing", 3_250_000, 5);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 3_000_000)));
        UUID orderId = UUID.fromString(place(me, withPoints(with(order(item(goat, 1)), "couponCode", code), reward))
                .then().statusCode(201).body("status", equalTo("PAID")).extract().path("id"));
        problem(as(me).post("/api/orders/" + orderId + "/cancel").then(), 409, null);
        assertEquals(0, balance(me));
        assertEquals(0, entries(me, "RETURN"));
    }

    @Test
    void hostileInputIsA4xxProblem() {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID goat = product("kambing", 3_250_000, 5);
        problem(as(me).post("/api/loyalty/rewards/not-a-uuid/redeem").then(), 400, null);
        problem(as(me).post("/api/loyalty/rewards/%27%20OR%201=1/redeem").then(), 400, null);
        problem(as(me).header("Idempotency-Key", "k".repeat(300)).post("/api/loyalty/rewards/" + UUID.randomUUID() + "/redeem")
                .then(), 400, null);
        problem(given().post("/api/loyalty/rewards/" + UUID.randomUUID() + "/redeem").then(), 401, null);
        problem(asAdmin().get("/api/admin/loyalty/rewards/xyz").then(), 400, null);
        problem(asAdmin().get("/api/admin/loyalty/rewards?size=1000").then(), 400, null);

        String[] bad = {
                "{\"name\":\"X\",\"pointsCost\":\"abc\",\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"FREE\",\"value\":1}",
                "{\"name\":\"X\",\"pointsCost\":99999999999999999999999,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1e400}",
                "{\"name\":\"X\",\"pointsCost\":0,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":-5}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1,\"stock\":-1}",
                "{\"name\":\"X\",\"pointsCost\":1.5,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"A\\u0000B\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"X\",\"description\":\"a\\u0000\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1,\"validFrom\":\"2030-01-02T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00Z\"}",
                "{\"name\":\"X\",\"pointsCost\":1,\"kind\":\"DISCOUNT\",\"value\":1,\"validFrom\":\"yesterday\"}",
                "[1,2]",
                "{\"name\":",
        };
        for (String body : bad) {
            problem(asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/loyalty/rewards").then(), 400, null);
        }
        problem(asAdmin().contentType(ContentType.TEXT).body("hello").post("/api/admin/loyalty/rewards").then(), 415, null);
        problem(as(me).contentType(ContentType.JSON).body(reward("DISCOUNT", 1, 1)).post("/api/admin/loyalty/rewards").then(),
                403, null);

        String recipient = "\"recipient\":{\"name\":\"Budi\",\"location\":\"Bandung\"}";
        String items = "\"items\":[{\"productId\":\"" + goat + "\",\"quantity\":1}]";
        for (String points : List.of("{\"rewardId\":\"x\"}", "{}", "\"abc\"", "123", "{\"rewardId\":\"\\u0000\"}",
                "{\"rewardId\":[1]}")) {
            problem(as(me).contentType(ContentType.JSON).body("{" + items + "," + recipient + ",\"pointsRedemption\":" + points + "}")
                    .post("/api/orders").then(), 400, null);
        }
        assertEquals(100, balance(me));
        assertEquals(5, ((Number) db.one("SELECT stock FROM product WHERE id = ?", goat)).intValue());
    }
}
