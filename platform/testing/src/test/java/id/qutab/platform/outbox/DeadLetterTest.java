package id.qutab.platform.outbox;

import id.qutab.testing.TestDb;
import id.qutab.platform.support.TestConsumer;
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

    @BeforeEach
    void clean() {
        db.exec("TRUNCATE outbox, inbox, received_events");
        TestConsumer.POISON_FAILS.set(true);
    }

    @AfterEach
    void heal() {
        TestConsumer.POISON_FAILS.set(false);
    }

    @Test
    void aFailingSubscriberEndsDeadBlocksItsAggregateAndReplayDeliversOnce() {
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("test.poison", "order-1", Map.of("n", 1));
            outbox.record("test.thing.happened", "order-1", Map.of("n", 2));
            outbox.record("test.thing.happened", "order-2", Map.of("n", 9));
        });
        RelayWorker worker = relay.newWorker();
        for (int i = 0; i < 50 && db.count("SELECT count(*) FROM outbox WHERE status = 'DEAD'") == 0; i++) {
            worker.runOnce();
            sleep(60); // past the test backoff (≤ 75 ms with jitter)
        }
        List<List<Object>> dead = db.rows("SELECT attempts, last_error FROM outbox WHERE status = 'DEAD'");
        assertEquals(1, dead.size());
        assertEquals(3, dead.get(0).get(0), "max-attempts in the test profile");
        assertEquals(List.of(List.of(9)), db.rows("SELECT n FROM received_events"),
                "the other aggregate flows; the event behind the dead one waits");
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'order-1' AND status = 'PENDING'"));

        relay.refreshStats();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("qutab_outbox_dead 1.0"))
                .body(containsString("qutab_outbox_delivery_failures_total{destination=\"self\"} 3.0"));

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
                .body("items[0].attempts", equalTo(3))
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
