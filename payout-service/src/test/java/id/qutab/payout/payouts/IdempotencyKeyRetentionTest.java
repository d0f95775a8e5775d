package id.qutab.payout.payouts;

import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Payout idempotency keys are forgotten once their request is older than
 * {@code qutab.payout.idempotency-key-retention} (30 days): a scheduled job, also run by an admin.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class IdempotencyKeyRetentionTest {

    private static final String JOB = "/api/admin/jobs/payout-idempotency-retention/run";

    @Inject
    TestDb db;

    @Inject
    Scheduler scheduler;

    private String payoutWithKey(Affiliate a, String key, Duration age) {
        Fixtures.availableCommission(a.affiliateId(), 120_000);
        String id = Fixtures.requestPayout(a, 120_000, key).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "test"))
                .post("/api/admin/payouts/" + id + "/reject").then().statusCode(200);
        db.exec("UPDATE payout SET requested_at = ?::timestamptz WHERE id = ?::uuid",
                Instant.now().minus(age).toString(), id);
        return id;
    }

    @Test
    void keysOfRequestsPastRetentionAreForgottenAndOnlyThose() {
        Affiliate a = Fixtures.verifiedAffiliate();
        String old = payoutWithKey(a, "month-old", Duration.ofDays(31));
        String recent = payoutWithKey(a, "still-kept", Duration.ofDays(29));

        Instant before = Instant.now();
        Response report = given().auth().oauth2(ADMIN).post(JOB);
        report.then().statusCode(200).body("job", equalTo("payout-idempotency-retention"))
                .body("processed", greaterThanOrEqualTo(1));
        Instant cutoff = Instant.parse(report.jsonPath().getString("olderThan"));
        assertTrue(!cutoff.isAfter(before.minus(Duration.ofDays(30)).plusSeconds(5))
                && cutoff.isAfter(before.minus(Duration.ofDays(30)).minusSeconds(5)), cutoff.toString());

        assertEquals(List.of(Arrays.asList(old, null), List.of(recent, "still-kept")),
                db.rows("SELECT id::text, idempotency_key FROM payout WHERE affiliate_id = ? ORDER BY requested_at",
                        a.affiliateId()));
        // nothing else changed on the payouts
        assertEquals(List.of(List.of("REJECTED", 120_000L), List.of("REJECTED", 120_000L)),
                db.rows("SELECT status, amount FROM payout WHERE affiliate_id = ? ORDER BY requested_at", a.affiliateId()));
        // a second run finds nothing left
        given().auth().oauth2(ADMIN).post(JOB).then().statusCode(200).body("processed", equalTo(0));

        // the kept key still replays its payout ...
        Response replay = Fixtures.requestPayout(a, 120_000, "still-kept");
        replay.then().statusCode(201).body("id", equalTo(recent));
        assertEquals("true", replay.header("Idempotent-Replayed"));
        // ... the forgotten one is a new request
        Response fresh = Fixtures.requestPayout(a, 120_000, "month-old");
        fresh.then().statusCode(201);
        assertNotEquals(old, fresh.jsonPath().getString("id"));
        assertEquals(null, fresh.header("Idempotent-Replayed"));
    }

    @Test
    void theJobIsScheduledAndAdminOnly() {
        assertNotNull(scheduler.getScheduledJob("payout-idempotency-retention"));
        given().auth().oauth2(Fixtures.approvedAffiliate().token()).post(JOB).then().statusCode(403);
        given().post(JOB).then().statusCode(401);
        given().auth().oauth2(ADMIN).post("/api/admin/jobs/no-such-job/run").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
