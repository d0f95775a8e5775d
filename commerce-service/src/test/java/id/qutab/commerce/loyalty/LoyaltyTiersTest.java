package id.qutab.commerce.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.loyalty.tiers.LoyaltyTiersJob;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static id.qutab.commerce.loyalty.LoyaltyFixtures.completedOrder;
import static id.qutab.commerce.loyalty.LoyaltyFixtures.paidOrder;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tiers: upgrades at once (completion and job), downgrades only at the yearly review, admin settings. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class LoyaltyTiersTest {

    static final String DEFAULTS = """
            {"tiers":[{"code":"BRONZE","name":"Bronze","minSpend":0,"multiplierBps":10000},
            {"code":"SILVER","name":"Silver","minSpend":5000000,"multiplierBps":12500},
            {"code":"GOLD","name":"Gold","minSpend":20000000,"multiplierBps":15000}]}""";

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @Inject
    LoyaltyTiersJob job;

    final ObjectMapper json = new ObjectMapper();

    void drain() {
        relay.newWorker().drain(Duration.ofSeconds(20));
    }

    String tier(UUID user) {
        return (String) db.one("SELECT tier FROM loyalty_tier_status WHERE user_id = ?", user);
    }

    List<String> tierChanges(UUID user) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<Object> r : db.rows("SELECT payload::text FROM outbox WHERE event_type = 'commerce.loyalty.tier-changed'"
                + " AND aggregate_id = ? AND destination = 'identity' ORDER BY seq", user.toString())) {
            JsonNode p = json.readTree((String) r.get(0));
            assertEquals(0, p.get("points").asLong());
            out.add(p.get("previousTier").asText() + ">" + p.get("tier").asText());
        }
        return out;
    }

    @Test
    void theOrderThatReachesATierUpgradesAtOnceAndEarnsAtItsMultiplier() throws Exception {
        UUID me = customer();
        completedOrder(me, 5_000_000);
        drain();
        assertEquals("SILVER", tier(me));
        assertEquals(List.of("BRONZE>SILVER"), tierChanges(me));
        // 500 points x 1.25
        assertEquals(625L, db.one("SELECT points FROM loyalty_entry WHERE user_id = ? AND type = 'EARN'", me));
        as(me).get("/api/loyalty").then().statusCode(200).body("points", equalTo(625))
                .body("tier.code", equalTo("SILVER")).body("tier.name", equalTo("Silver"))
                .body("tier.multiplierBps", equalTo(12500))
                .body("nextTier.code", equalTo("GOLD")).body("nextTier.spendNeeded", equalTo(15_000_000));
    }

    @Test
    void aLowerTierWaitsForTheYearlyReview() throws Exception {
        UUID me = customer();
        UUID orderId = completedOrder(me, 5_000_000);
        drain();
        assertEquals("SILVER", tier(me));
        Instant reviewAt = ((java.sql.Timestamp) db.one("SELECT review_at FROM loyalty_tier_status WHERE user_id = ?", me)).toInstant();
        assertTrue(reviewAt.isAfter(Instant.now().plus(Duration.ofDays(364))), "reviewed a year after the upgrade");

        // the spend falls out of the 12-month window: the customer keeps SILVER until the review
        db.exec("UPDATE customer_order SET paid_at = now() - interval '13 months' WHERE id = ?", orderId);
        // a smaller order completes (spend 1 000 000 < Silver): reviewed on completion and by the job, still SILVER
        UUID small = completedOrder(me, 1_000_000);
        drain();
        assertEquals("SILVER", tier(me));
        assertEquals(125L, db.one("SELECT points FROM loyalty_entry WHERE order_id = ? AND type = 'EARN'", small));
        job.run(Instant.now());
        assertEquals("SILVER", tier(me));
        assertEquals(List.of("BRONZE>SILVER"), tierChanges(me));
        asAdmin().get("/api/admin/loyalty/customers/" + me).then().statusCode(200)
                .body("tier.code", equalTo("SILVER")).body("spend12Months", equalTo(1_000_000));

        // the review date passes: down to BRONZE, with the next review a year on
        db.exec("UPDATE loyalty_tier_status SET review_at = now() - interval '1 minute' WHERE user_id = ?", me);
        Instant now = Instant.now();
        job.run(now);
        assertEquals("BRONZE", tier(me));
        assertEquals(List.of("BRONZE>SILVER", "SILVER>BRONZE"), tierChanges(me));
        Instant next = ((java.sql.Timestamp) db.one("SELECT review_at FROM loyalty_tier_status WHERE user_id = ?", me)).toInstant();
        assertEquals(OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC).plusYears(1).toInstant().truncatedTo(ChronoUnit.MILLIS),
                next.truncatedTo(ChronoUnit.MILLIS));
        // running the job again changes nothing
        job.run(now);
        assertEquals("BRONZE", tier(me));
        assertEquals(2, tierChanges(me).size());
        assertEquals(next, ((java.sql.Timestamp) db.one("SELECT review_at FROM loyalty_tier_status WHERE user_id = ?", me)).toInstant());
        as(me).get("/api/loyalty").then().statusCode(200).body("tier.code", equalTo("BRONZE"))
                .body("nextTier.spendNeeded", equalTo(4_000_000));
    }

    @Test
    void theJobUpgradesAtOnceWithoutWaitingForCompletion() throws Exception {
        UUID me = customer();
        paidOrder(me, 20_000_000);
        assertEquals(null, tier(me));
        asAdmin().post("/api/admin/jobs/loyalty-tiers/run").then().statusCode(200)
                .body("job", equalTo("loyalty-tiers"));
        assertEquals("GOLD", tier(me));
        assertEquals(List.of("BRONZE>GOLD"), tierChanges(me));
        asAdmin().post("/api/admin/jobs/loyalty-tiers/run").then().statusCode(200).body("upgraded", equalTo(0))
                .body("downgraded", equalTo(0));
        assertEquals(List.of("BRONZE>GOLD"), tierChanges(me));
        as(me).get("/api/loyalty").then().statusCode(200).body("tier.code", equalTo("GOLD"))
                .body("tier.multiplierBps", equalTo(15000)).body("$", not(org.hamcrest.Matchers.hasKey("nextTier")));
    }

    static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
    }

    ValidatableResponse put(String body) {
        return asAdmin().contentType(ContentType.JSON).body(body).put("/api/admin/loyalty/tiers").then();
    }

    @Test
    void adminsEditTheTiersWithinTheRules() {
        given().get("/api/admin/loyalty/tiers").then().statusCode(401);
        problem(as(UUID.randomUUID()).get("/api/admin/loyalty/tiers").then(), 403);
        problem(as(UUID.randomUUID()).contentType(ContentType.JSON).body(DEFAULTS).put("/api/admin/loyalty/tiers").then(), 403);
        asAdmin().get("/api/admin/loyalty/tiers").then().statusCode(200)
                .body("tiers.code", contains("BRONZE", "SILVER", "GOLD"))
                .body("tiers.minSpend", contains(0, 5_000_000, 20_000_000))
                .body("tiers.multiplierBps", contains(10000, 12500, 15000))
                .body("tiers.name", contains("Bronze", "Silver", "Gold"));

        problem(put(DEFAULTS.replace("\"minSpend\":0", "\"minSpend\":1")), 400).body("errors.field", hasItem("tiers[0].minSpend"));
        problem(put(DEFAULTS.replace("20000000", "4000000")), 400).body("errors.field", hasItem("tiers[2].minSpend"));
        problem(put(DEFAULTS.replace("15000", "50001")), 400).body("errors.field", hasItem("tiers[2].multiplierBps"));
        problem(put(DEFAULTS.replace("\"multiplierBps\":10000", "\"multiplierBps\":9999")), 400);
        problem(put(DEFAULTS.replace("\"GOLD\"", "\"PLATINUM\"")), 400);
        problem(put(DEFAULTS.replace("\"code\":\"SILVER\"", "\"code\":\"GOLD\"")), 400);
        problem(put(DEFAULTS.replace("20000000", "\"lots\"")), 400);
        problem(put(DEFAULTS.replace("20000000", "99999999999999999999999")), 400);
        problem(put(DEFAULTS.replace("\"Gold\"", "\"Go\\u0000ld\"")), 400);
        problem(put(DEFAULTS.replace("\"Gold\"", "\"   \"")), 400);
        problem(put("{\"tiers\":[]}"), 400);
        problem(put("{\"tiers\":null}"), 400);
        problem(put("{\"tiers\":[null,null,null]}"), 400);
        problem(put("[]"), 400);
        asAdmin().get("/api/admin/loyalty/tiers").then().statusCode(200).body("tiers.minSpend", contains(0, 5_000_000, 20_000_000));

        UUID me = customer();
        paidOrder(me, 3_250_000);
        try {
            put(DEFAULTS.replace("5000000", "3000000").replace("\"Silver\"", "\"Perak\"")).statusCode(200)
                    .body("tiers.minSpend", contains(0, 3_000_000, 20_000_000))
                    .body("tiers.name", contains("Bronze", "Perak", "Gold"));
            assertEquals(List.of("Perak", 3_000_000L), db.rows("SELECT name, min_spend FROM loyalty_tier WHERE code = 'SILVER'").get(0));
            job.run(Instant.now());
            assertEquals("SILVER", tier(me));
            as(me).get("/api/loyalty").then().body("tier.name", equalTo("Perak"));
        } finally {
            put(DEFAULTS).statusCode(200);
        }
    }
}
