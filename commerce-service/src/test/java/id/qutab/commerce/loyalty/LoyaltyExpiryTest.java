package id.qutab.commerce.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.loyalty.expiry.LoyaltyExpiryJob;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.loyalty.LoyaltyFixtures.completedOrder;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Points expire 12 months after they were credited, oldest first, once. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class LoyaltyExpiryTest {

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @Inject
    LoyaltyExpiryJob job;

    final ObjectMapper json = new ObjectMapper();

    long balance(UUID user) {
        return db.count("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE user_id = ?", user);
    }

    @Test
    void theUnspentPartOfTheOldestLotExpiresOnce() throws Exception {
        UUID me = customer();
        UUID t0 = completedOrder(me, 3_250_000);
        UUID t6 = completedOrder(me, 1_000_000);
        relay.newWorker().drain(Duration.ofSeconds(20));
        assertEquals(425, balance(me));
        // earned 12 months + 1 day ago, and 6 months + 1 day ago (the job runs "now" = t0 + 12 months + 1 day)
        db.exec("UPDATE loyalty_entry SET created_at = now() - interval '12 months 1 day' WHERE order_id = ?", t0);
        db.exec("UPDATE loyalty_entry SET created_at = now() - interval '6 months 1 day' WHERE order_id = ?", t6);
        // 100 spent since: they come off the oldest lot, so 225 of it is left to expire
        asAdmin().contentType(ContentType.JSON).body(Map.of("points", -100, "reason", "Ditukar hadiah"))
                .post("/api/admin/loyalty/customers/" + me + "/adjust").then().statusCode(201);

        job.run(Instant.now());
        assertEquals(List.of(List.of(-225L)), db.rows("SELECT points FROM loyalty_entry WHERE user_id = ? AND type = 'EXPIRE'", me));
        assertEquals(100, balance(me));
        List<List<Object>> events = db.rows("SELECT payload::text FROM outbox WHERE event_type = 'commerce.loyalty.expired'"
                + " AND aggregate_id = ? AND destination = 'identity'", me.toString());
        assertEquals(1, events.size());
        JsonNode expired = json.readTree((String) events.get(0).get(0));
        assertEquals(-225, expired.get("points").asLong());
        assertEquals(100, expired.get("balanceAfter").asLong());

        // a second run (and one through the admin endpoint) finds nothing more to expire
        job.run(Instant.now());
        asAdmin().post("/api/admin/jobs/loyalty-expiry/run").then().statusCode(200).body("job", equalTo("loyalty-expiry"));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'EXPIRE'", me));
        assertEquals(100, balance(me));

        // what is left is the younger lot, expiring 12 months after it was earned
        Instant younger = ((java.sql.Timestamp) db.one("SELECT created_at FROM loyalty_entry WHERE order_id = ? AND type = 'EARN'", t6)).toInstant();
        String on = younger.atZone(ZoneId.of("Asia/Jakarta")).plusMonths(12).toLocalDate().toString();
        as(me).get("/api/loyalty").then().statusCode(200).body("points", equalTo(100))
                .body("expiring", hasSize(1)).body("expiring[0].points", equalTo(100)).body("expiring[0].on", equalTo(on));
        as(me).get("/api/loyalty/history?size=1").then().statusCode(200).body("items[0].type", equalTo("EXPIRE"))
                .body("items[0].points", equalTo(-225)).body("total", equalTo(4));
        // the younger lot's day comes (moved back to a year and an hour ago): it expires whole, once
        db.exec("UPDATE loyalty_entry SET created_at = now() - interval '12 months 1 hour' WHERE order_id = ?", t6);
        job.run(Instant.now());
        assertEquals(0, balance(me));
        assertEquals(List.of(List.of(-225L), List.of(-100L)), db.rows(
                "SELECT points FROM loyalty_entry WHERE user_id = ? AND type = 'EXPIRE' ORDER BY created_at", me));
    }

    @Test
    void aNegativeBalanceHasNothingToExpire() {
        UUID me = customer();
        asAdmin().contentType(ContentType.JSON).body(Map.of("points", 50, "reason", "Kompensasi"))
                .post("/api/admin/loyalty/customers/" + me + "/adjust").then().statusCode(201);
        asAdmin().contentType(ContentType.JSON).body(Map.of("points", -80, "reason", "Koreksi"))
                .post("/api/admin/loyalty/customers/" + me + "/adjust").then().statusCode(201);
        db.exec("UPDATE loyalty_entry SET created_at = now() - interval '13 months' WHERE user_id = ?", me);
        job.run(Instant.now());
        assertEquals(0, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'EXPIRE'", me));
        as(me).get("/api/loyalty").then().body("points", equalTo(-30)).body("expiring", hasSize(0));
    }
}
