package id.qutab.platform.outbox;

import id.qutab.platform.support.FlakyConsumer;
import id.qutab.platform.support.TestRelayClock;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A consumer that is away for hours, with the production retry settings and a clock the test advances:
 * retried with a capped backoff until max-age, dead at once only when it refuses the event itself.
 */
@QuarkusTest
@TestProfile(OutboxOutageTest.ProductionRetries.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OutboxOutageTest {

    public static class ProductionRetries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qutab.outbox.relay.backoff-base", "1s", "qutab.outbox.relay.backoff-max", "5m",
                    "qutab.outbox.relay.max-age", "72h");
        }
    }

    private static final int AGGREGATES = 10;

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
        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.reset();
    }

    @AfterEach
    void heal() {
        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.reset();
    }

    @Test
    void aConsumerDownForSixHoursGetsEverythingInOrderWhenItReturnsAndNothingIsDead() {
        FlakyConsumer.ANSWER.set(503);
        int[] next = new int[AGGREGATES];
        recordOneEach(next);
        recordOneEach(next);
        RelayWorker worker = relay.newWorker();
        Instant start = clock.now();
        for (int minute = 1; minute <= 6 * 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            if (minute % 30 == 0) {
                recordOneEach(next); // the producer goes on while its consumer is away
            }
            // down in every way a consumer can be down
            FlakyConsumer.ANSWER.set(minute == 100 ? FlakyConsumer.TIMEOUT
                    : minute % 60 == 20 ? 429 : minute % 60 == 40 ? 408 : minute % 7 == 0 ? 500 : 503);
            worker.runOnce();
            assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status = 'DEAD'"), "dead at minute " + minute);
        }
        Instant now = clock.now();
        assertEquals(AGGREGATES * 14L, db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING'"));
        long minAttempts = db.count("SELECT min(attempts) FROM outbox WHERE attempts > 0");
        assertTrue(minAttempts > 60, "each head was retried all along (with a 5 min cap), min attempts " + minAttempts);
        assertEquals(AGGREGATES, db.count("SELECT count(*) FROM outbox WHERE attempts > 0"), "only heads are tried");
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND attempts > 0"
                + " AND next_attempt_at > ?", Timestamp.from(now.plus(Duration.ofMinutes(5)))), "backoff capped at 5 min");
        assertEquals(0, db.count("""
                SELECT count(*) FROM outbox o WHERE status = 'PENDING' AND next_attempt_at <= ?
                  AND EXISTS (SELECT 1 FROM outbox p WHERE p.destination = o.destination
                              AND p.aggregate_id = o.aggregate_id AND p.seq < o.seq AND p.status <> 'SENT')""",
                Timestamp.from(now)), "rows queued behind a waiting head are parked, out of the claim's way");

        relay.refreshStats();
        double lag = metric("qutab_outbox_oldest_pending_age_seconds");
        assertTrue(lag >= Duration.between(start, now).toSeconds(), "lag covers the whole outage: " + lag);

        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.advance(Duration.ofMinutes(5)); // the longest wait of a head
        assertEquals(AGGREGATES * 14, worker.drain(Duration.ofSeconds(60)));
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status <> 'SENT'"));
        for (int a = 0; a < AGGREGATES; a++) {
            List<Integer> expected = new ArrayList<>();
            for (int n = 0; n < 14; n++) {
                expected.add(n);
            }
            List<Integer> arrived = db.rows("SELECT n FROM received_events WHERE aggregate_id = ? ORDER BY received_seq",
                    "agg-" + a).stream().map(r -> (Integer) r.get(0)).toList();
            assertEquals(expected, arrived, "agg-" + a + " complete, once each, in recording order");
        }
        relay.refreshStats();
        assertEquals(0.0, metric("qutab_outbox_oldest_pending_age_seconds"));
    }

    @Test
    void aConsumerBackAfterAnHourIsServedWithinTheProbeIntervalAndARefusedEventStaysDead() {
        RelayWorker worker = relay.newWorker();
        // warm the delivery path: a first delivery after startup can outlast the 1 s test timeout on a busy machine
        QuarkusTransaction.requiringNew().run(() -> outbox.record("flaky.thing.happened", "warm-up", Map.of("n", 0)));
        worker.drain(Duration.ofSeconds(10));
        db.exec("TRUNCATE outbox, inbox, received_events");

        FlakyConsumer.ANSWER.set(422); // refuses this event itself: dead at once, and it must stay so
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("flaky.thing.happened", "refused", Map.of("n", 0));
            outbox.record("flaky.thing.happened", "refused", Map.of("n", 1));
        });
        worker.runOnce();
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE status = 'DEAD'"));

        FlakyConsumer.ANSWER.set(503);
        int[] next = new int[AGGREGATES];
        recordOneEach(next);
        recordOneEach(next);
        for (int minute = 1; minute <= 60; minute++) {
            clock.advance(Duration.ofMinutes(1));
            worker.runOnce();
        }
        assertEquals(AGGREGATES, db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND attempts >= 10"),
                "every head backed off to the cap");

        // Still down: a probe tries one waiting head ahead of its time and escalates nothing else.
        clock.advance(Duration.ofSeconds(5));
        Instant probeAt = clock.now();
        List<List<Object>> before = db.rows("SELECT id, attempts, next_attempt_at FROM outbox ORDER BY seq");
        List<Object> dueBefore = db.rows("SELECT id FROM outbox WHERE status = 'PENDING' AND next_attempt_at <= ?",
                Timestamp.from(probeAt)).stream().map(r -> r.get(0)).toList();
        worker.runOnce();
        List<List<Object>> after = db.rows("SELECT id, attempts, next_attempt_at FROM outbox ORDER BY seq");
        int probed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (dueBefore.contains(before.get(i).get(0))) {
                continue;
            }
            if (!before.get(i).get(1).equals(after.get(i).get(1))) {
                probed++;
            } else if ((Integer) before.get(i).get(1) > 0) {
                assertEquals(before.get(i).get(2), after.get(i).get(2), "a failed probe moved no other head's retry");
            }
        }
        assertEquals(1, probed, "one waiting head was probed ahead of its time");

        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        long stillWaiting = db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND attempts > 0"
                + " AND next_attempt_at > ?", Timestamp.from(clock.now().plus(Duration.ofSeconds(30))));
        assertTrue(stillWaiting > 0, "without a probe, heads would wait up to 5 min: " + stillWaiting);
        clock.advance(Duration.ofSeconds(5)); // one probe interval
        assertEquals(AGGREGATES * 2, worker.drain(Duration.ofSeconds(60)), "all delivered in the next round");
        for (int a = 0; a < AGGREGATES; a++) {
            assertEquals(List.of(0, 1), db.rows("SELECT n FROM received_events WHERE aggregate_id = ? ORDER BY received_seq",
                    "agg-" + a).stream().map(r -> (Integer) r.get(0)).toList(), "agg-" + a + " in order, once each");
        }
        assertEquals(List.of(List.of("DEAD", 1), List.of("PENDING", 0)),
                db.rows("SELECT status, attempts FROM outbox WHERE aggregate_id = 'refused' ORDER BY seq"),
                "the refused event is not revived by the consumer's return; its aggregate stays blocked behind it");
        assertEquals(AGGREGATES * 2L, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'"));
        assertEquals(AGGREGATES, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT' AND attempts >= 10"),
                "attempts are kept for the record");
    }

    @Test
    void onlyAnAnswerThatRefusesTheEventItselfMakesItDeadAtOnce() {
        RelayWorker worker = relay.newWorker();
        Map<Integer, String> expected = Map.of(422, "DEAD", 400, "DEAD", 404, "DEAD", 409, "DEAD",
                503, "PENDING", 500, "PENDING", 408, "PENDING", 429, "PENDING", 401, "PENDING",
                FlakyConsumer.TIMEOUT, "PENDING");
        expected.forEach((answer, status) -> {
            db.exec("TRUNCATE outbox");
            FlakyConsumer.ANSWER.set(answer);
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.record("flaky.thing.happened", "agg", Map.of("n", 0));
                outbox.record("flaky.thing.happened", "agg", Map.of("n", 1));
            });
            worker.runOnce();
            assertEquals(List.of(List.of(status, 1), List.of("PENDING", 0)),
                    db.rows("SELECT status, attempts FROM outbox ORDER BY seq"), "answer " + answer);
        });

        db.exec("TRUNCATE outbox");
        QuarkusTransaction.requiringNew().run(() -> outbox.record("gone.thing.happened", "agg", Map.of("n", 0)));
        worker.runOnce();
        assertEquals(List.of(List.of("PENDING", 1)), db.rows("SELECT status, attempts FROM outbox"),
                "an unreachable consumer is retried");
    }

    @Test
    void aRowUndeliverableForLongerThanMaxAgeIsDeadAndBlocksItsAggregate() {
        FlakyConsumer.ANSWER.set(503);
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("flaky.thing.happened", "agg", Map.of("n", 0));
            outbox.record("flaky.thing.happened", "agg", Map.of("n", 1));
        });
        RelayWorker worker = relay.newWorker();
        worker.runOnce();
        for (int hour = 1; hour < 72; hour++) {
            clock.advance(Duration.ofHours(1));
            worker.runOnce();
        }
        clock.advance(Duration.ofMinutes(59));
        worker.runOnce();
        assertEquals(List.of(List.of("PENDING"), List.of("PENDING")), db.rows("SELECT status FROM outbox ORDER BY seq"),
                "71 h 59 min after the first failure: still trying");
        clock.advance(Duration.ofMinutes(5));
        worker.runOnce();
        assertEquals(List.of(List.of("DEAD", 74), List.of("PENDING", 0)),
                db.rows("SELECT status, attempts FROM outbox ORDER BY seq"));

        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        clock.advance(Duration.ofDays(1));
        assertEquals(0, worker.drain(Duration.ofSeconds(5)), "the dead head blocks its aggregate");
    }

    private void recordOneEach(int[] next) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int a = 0; a < AGGREGATES; a++) {
                outbox.record("flaky.thing.happened", "agg-" + a, Map.of("n", next[a]++));
            }
        });
    }

    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(body);
        assertTrue(m.find(), name + " exported");
        return Double.parseDouble(m.group(1));
    }
}
