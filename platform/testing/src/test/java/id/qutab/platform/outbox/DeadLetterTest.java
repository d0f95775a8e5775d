package id.qutab.platform.outbox;

import id.qutab.testing.TestDb;
import id.qutab.platform.support.FlakyConsumer;
import id.qutab.platform.support.TestConsumer;
import id.qutab.platform.support.TestRelayClock;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DeadLetterTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    TestDb db;

    @Inject
    TestRelayClock clock;

    @BeforeEach
    void clean() {
        db.exec("TRUNCATE outbox, inbox, received_events");
        TestConsumer.POISON_FAILS.set(true);
        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.reset();
    }

    @AfterEach
    void heal() {
        TestConsumer.POISON_FAILS.set(false);
        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.reset();
    }

    @Test
    void aFailingSubscriberEndsDeadBlocksItsAggregateAndReplayDeliversOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("test.poison", "order-1", Map.of("n", 1));
            outbox.record("test.thing.happened", "order-1", Map.of("n", 2));
            outbox.record("test.thing.happened", "order-2", Map.of("n", 9));
        });
        double failuresBefore = failuresToSelf();
        RelayWorker worker = relay.newWorker();
        for (int i = 0; i < 50 && db.count("SELECT count(*) FROM outbox WHERE attempts >= 3") == 0; i++) {
            worker.runOnce();
            sleep(60); // past the test backoff (≤ 50 ms)
        }
        assertEquals(List.of(List.of("PENDING", 3)), db.rows("SELECT status, attempts FROM outbox WHERE attempts > 0"),
                "a 500 is retried, however often, until max-age");
        clock.advance(Duration.ofMinutes(61)); // past max-age (1 h in the test profile) since the first failure
        worker.runOnce();
        List<List<Object>> dead = db.rows("SELECT attempts, last_error FROM outbox WHERE status = 'DEAD'");
        assertEquals(1, dead.size());
        assertEquals(4, dead.get(0).get(0), "the first attempt after max-age gives up");
        assertEquals(List.of(List.of(9)), db.rows("SELECT n FROM received_events"),
                "the other aggregate flows; the event behind the dead one waits");
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'order-1' AND status = 'PENDING'"));

        relay.refreshStats();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("qutab_outbox_dead 1.0"));
        assertEquals(4.0, failuresToSelf() - failuresBefore, "every failed attempt counted");

        given().get("/api/admin/events/platformtest/dead-letters").then().statusCode(401);
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID()))
                .get("/api/admin/events/platformtest/dead-letters").then().statusCode(403);
        String id = given().auth().oauth2(TestJwt.admin())
                .get("/api/admin/events/platformtest/dead-letters")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items", hasSize(1))
                .body("items[0].type", equalTo("test.poison"))
                .body("items[0].aggregateId", equalTo("order-1"))
                .body("items[0].attempts", equalTo(4))
                .body("items[0].lastError", containsString("HTTP 500"))
                .extract().path("items[0].id");
        given().auth().oauth2(TestJwt.admin())
                .get("/api/admin/events/commerce/dead-letters").then().statusCode(404);

        TestConsumer.POISON_FAILS.set(false);
        given().auth().oauth2(TestJwt.admin())
                .post("/api/admin/events/platformtest/dead-letters/" + id + "/replay")
                .then().statusCode(200).body("status", equalTo("PENDING"));
        given().auth().oauth2(TestJwt.admin())
                .post("/api/admin/events/platformtest/dead-letters/" + id + "/replay")
                .then().statusCode(409);
        given().auth().oauth2(TestJwt.admin())
                .post("/api/admin/events/platformtest/dead-letters/" + UUID.randomUUID() + "/replay")
                .then().statusCode(404);

        assertEquals(2, worker.drain(Duration.ofSeconds(10)));
        assertEquals(List.of(List.of(9), List.of(1), List.of(2)),
                db.rows("SELECT n FROM received_events ORDER BY received_seq"),
                "the replayed event once, then the one queued behind it");
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status <> 'SENT'"));
    }

    @Test
    void replayingADestinationPutsBackAllItsDeadLettersAndOnlyThoseAndTheyArriveInOrder() {
        FlakyConsumer.ANSWER.set(422);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 4; n++) {
                for (int a = 0; a < 3; a++) {
                    outbox.record("flaky.thing.happened", "order-" + a, Map.of("n", n));
                }
            }
            outbox.record("test.poison", "other-destination", Map.of("n", 99));
        });
        RelayWorker worker = relay.newWorker();
        worker.runOnce();
        clock.advance(Duration.ofMinutes(61));
        worker.runOnce(); // the poison (500) to self is dead only after max-age
        assertEquals(List.of(List.of("flaky", 3L), List.of("self", 1L)),
                db.rows("SELECT destination, count(*) FROM outbox WHERE status = 'DEAD' GROUP BY destination ORDER BY 1"),
                "each flaky aggregate's head was refused (422), and blocks its aggregate");

        String replay = "/api/admin/events/platformtest/dead-letters/replay";
        given().queryParam("destination", "flaky").post(replay).then().statusCode(401);
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).queryParam("destination", "flaky")
                .post(replay).then().statusCode(403);
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).queryParam("destination", "flaky")
                .post(replay).then().statusCode(403);
        for (String hostile : List.of("", "a\u0000b", "x".repeat(2_000), "FLAKY", "../flaky")) {
            given().auth().oauth2(TestJwt.admin()).contentType("application/json").queryParam("destination", hostile).post(replay)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(TestJwt.admin()).contentType("application/json").queryParam("destination", "flaky")
                .post("/api/admin/events/commerce/dead-letters/replay").then().statusCode(404);
        given().auth().oauth2(TestJwt.admin()).contentType("text/plain").body("flaky").post(replay)
                .then().statusCode(415).contentType("application/problem+json");
        for (String body : List.of("{\"destination\":\"../flaky\"}", "{\"type\":\"x y\"}", "{\"destination\":7}", "[1]",
                "{\"destination\":\"flaky\"")) {
            given().auth().oauth2(TestJwt.admin()).contentType("application/json").body(body).post(replay)
                    .then().statusCode(400).contentType("application/problem+json");
        }
        assertEquals(4, db.count("SELECT count(*) FROM outbox WHERE status = 'DEAD'"), "refused calls changed nothing");
        given().auth().oauth2(TestJwt.admin()).contentType("application/json")
                .body(Map.of("destination", "flaky", "type", "no.such.event")).post(replay)
                .then().statusCode(200).body("replayed", equalTo(0));
        assertEquals(4, db.count("SELECT count(*) FROM outbox WHERE status = 'DEAD'"), "a filter matching nothing replays nothing");

        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        given().auth().oauth2(TestJwt.admin()).contentType("application/json")
                .body(Map.of("destination", "flaky", "type", "flaky.thing.happened")).post(replay).then().statusCode(200)
                .body("destination", equalTo("flaky")).body("type", equalTo("flaky.thing.happened"))
                .body("replayed", equalTo(3));
        given().auth().oauth2(TestJwt.admin()).contentType("application/json").queryParam("destination", "flaky")
                .post(replay).then().statusCode(200).body("replayed", equalTo(0));

        assertEquals(12, worker.drain(Duration.ofSeconds(20)));
        assertEquals(List.of(List.of("self", "DEAD")),
                db.rows("SELECT destination, status FROM outbox WHERE status <> 'SENT'"),
                "the other destination's dead letter stays dead");
        for (int a = 0; a < 3; a++) {
            assertEquals(List.of(List.of(0), List.of(1), List.of(2), List.of(3)),
                    db.rows("SELECT n FROM received_events WHERE aggregate_id = ? ORDER BY received_seq", "order-" + a),
                    "order-" + a + " in recording order, each once");
        }

        // no filter at all (API.md: both optional): every dead letter of this service
        given().auth().oauth2(TestJwt.admin()).contentType("application/json").post(replay).then().statusCode(200)
                .body("replayed", equalTo(1)).body("destination", equalTo(null));
        assertEquals(List.of(List.of("self", "PENDING")),
                db.rows("SELECT destination, status FROM outbox WHERE status <> 'SENT'"));
    }

    private static double failuresToSelf() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^qutab_outbox_delivery_failures_total\\{destination=\"self\"} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
