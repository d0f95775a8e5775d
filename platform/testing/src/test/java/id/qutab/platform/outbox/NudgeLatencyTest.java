package id.qutab.platform.outbox;

import id.qutab.platform.support.HangingConsumer;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the poll an hour away, only after-commit nudges deliver (issue 13, events latency): a nudge is never lost,
 * however the commits interleave with the relay's rounds, and an event committed while a round waits on a slow
 * consumer is delivered by a round of its own, not after that consumer answers.
 */
@QuarkusTest
@TestProfile(NudgeLatencyTest.NudgesOnly.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class NudgeLatencyTest {

    public static class NudgesOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The hanging consumer holds a delivery up to 9 s: the timeout lies beyond it, the lease beyond two of them.
            return Map.of("qutab.outbox.relay.enabled", "true", "qutab.outbox.relay.poll-interval", "1h",
                    "qutab.outbox.relay.delivery-timeout", "12s", "qutab.outbox.relay.lease", "60s");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    TestDb db;

    @AfterEach
    void letGo() {
        HangingConsumer.release();
    }

    /**
     * Before issue 13 the nudge waited for the running round, which waited for its slowest chain: the second event
     * left only once the hanging consumer answered (after the release here, or its 9 s), so this failed.
     */
    @Test
    void anEventIsNotHeldBackByARoundWaitingOnASlowConsumer() throws InterruptedException {
        db.exec("TRUNCATE outbox, inbox, received_events");
        HangingConsumer.reset();
        QuarkusTransaction.requiringNew().run(() -> outbox.record("hanging.thing.happened", "slow", Map.of("n", 1)));
        assertTrue(HangingConsumer.awaitArrival(30), "the relay is delivering to the hanging consumer");

        QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", "fast", Map.of("n", 2)));
        long deadline = System.nanoTime() + 8_000_000_000L; // within the hanging consumer's hold (it never answers first)
        while (db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'fast' AND status = 'SENT'") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'fast' AND status = 'SENT'"),
                "the second event left while the first round was still waiting on the slow consumer");
        assertFalse(HangingConsumer.released());
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'slow' AND status = 'PENDING'"
                + " AND lease_owner IS NOT NULL"), "the slow delivery is still in flight, under its lease");
        assertEquals(List.of(List.of("fast", 2)), db.rows("SELECT aggregate_id, n FROM received_events"));

        HangingConsumer.release();
        deadline = System.nanoTime() + 30_000_000_000L;
        while (db.count("SELECT count(*) FROM outbox WHERE aggregate_id = 'slow' AND status = 'SENT'") == 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(2, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'"));
    }

    /**
     * 4 producers × 100 commits, each a nudge, racing the relay's rounds as they start and stop: every event is
     * delivered by nudges alone (the poll is an hour away), in order per aggregate. Before issue 13 a nudge that
     * came while a round was letting go of its flag was dropped and its event waited for the poll; this run catches
     * that race often but not always.
     */
    @Test
    void everyCommitIsDeliveredByNudgesAlone() throws Exception {
        db.exec("TRUNCATE outbox, inbox, received_events");
        int producers = 4;
        int each = 100;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            String aggregate = "producer-" + p;
            running.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    int n = i;
                    QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", aggregate,
                            Map.of("n", n)));
                    if (n % 7 == 0) {
                        Thread.sleep(3); // let rounds end between some commits: the window the lost nudge fell in
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'") < producers * each
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(producers * each, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'"));
        for (int p = 0; p < producers; p++) {
            List<Object> order = db.rows("SELECT n FROM received_events WHERE aggregate_id = ? ORDER BY received_seq",
                    "producer-" + p).stream().map(r -> r.get(0)).toList();
            List<Object> expected = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                expected.add(i);
            }
            assertEquals(expected, order, "producer-" + p + " in commit order");
        }
    }
}
