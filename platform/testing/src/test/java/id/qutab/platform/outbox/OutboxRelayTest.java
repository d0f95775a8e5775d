package id.qutab.platform.outbox;

import id.qutab.testing.TestDb;
import id.qutab.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay's guarantees, against a real PostgreSQL and a real HTTP subscriber (this app's own inbox).
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    TestDb db;

    @BeforeEach
    void clean() {
        db.exec("TRUNCATE outbox, inbox, received_events");
    }

    @Test
    void twoRelaysDeliverEveryEventOnceAndKeepEachAggregatesOrder() throws Exception {
        int aggregates = 50;
        int perAggregate = 20;
        // Interleave aggregates the way real traffic does, in several transactions.
        for (int n = 0; n < perAggregate; n++) {
            int step = n;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int a = 0; a < aggregates; a++) {
                    outbox.record("test.thing.happened", "agg-" + a, Map.of("n", step));
                }
            });
        }
        assertEquals(1000, db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING'"));

        ExecutorService relays = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            RelayWorker worker = relay.newWorker();
            runs.add(relays.submit(() -> runUntilEmpty(worker)));
        }
        int delivered = 0;
        for (Future<Integer> run : runs) {
            delivered += run.get(120, TimeUnit.SECONDS);
        }
        relays.shutdown();

        assertTrue(runs.stream().allMatch(f -> {
            try {
                return f.get() > 0;
            } catch (Exception e) {
                return false;
            }
        }), "both relays took part");
        assertEquals(1000, delivered, "rows marked sent by the two relays together");
        assertEquals(1000, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'"));
        assertEquals(1000, db.count("SELECT count(*) FROM received_events"), "each event applied once");
        assertEquals(1000, db.count("SELECT count(DISTINCT event_id) FROM received_events"));
        assertEquals(1000, db.count("SELECT count(*) FROM inbox"));

        Map<String, List<Integer>> arrival = new HashMap<>();
        for (List<Object> row : db.rows("SELECT aggregate_id, n FROM received_events ORDER BY received_seq")) {
            arrival.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add((Integer) row.get(1));
        }
        assertEquals(aggregates, arrival.size());
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < perAggregate; n++) {
            expected.add(n);
        }
        arrival.forEach((aggregate, order) -> assertEquals(expected, order, "arrival order of " + aggregate));
    }

    @Test
    void eventsRecordedWhileTwoRelaysDeliverArriveOnceAndInOrder() throws Exception {
        // Rows recorded behind a head another relay is delivering get parked and un-parked while both relays run.
        int aggregates = 10;
        int perAggregate = 30;
        AtomicBoolean producing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Future<?> producer = pool.submit(() -> {
            try {
                for (int n = 0; n < perAggregate; n++) {
                    for (int a = 0; a < aggregates; a++) {
                        int step = n;
                        int aggregate = a;
                        QuarkusTransaction.requiringNew().run(() ->
                                outbox.record("test.thing.happened", "hot-" + aggregate, Map.of("n", step)));
                    }
                }
            } finally {
                producing.set(false);
            }
        });
        List<Future<Integer>> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            RelayWorker worker = relay.newWorker();
            runs.add(pool.submit(() -> {
                int delivered = 0;
                while (producing.get()) {
                    delivered += worker.runOnce().delivered();
                }
                return delivered + runUntilEmpty(worker);
            }));
        }
        producer.get(120, TimeUnit.SECONDS);
        int delivered = 0;
        for (Future<Integer> run : runs) {
            delivered += run.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertEquals(aggregates * perAggregate, delivered);
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status <> 'SENT'"));
        assertEquals(aggregates * perAggregate, db.count("SELECT count(DISTINCT event_id) FROM received_events"));
        assertEquals(aggregates * perAggregate, db.count("SELECT count(*) FROM received_events"), "each once");
        Map<String, List<Integer>> arrival = new HashMap<>();
        for (List<Object> row : db.rows("SELECT aggregate_id, n FROM received_events ORDER BY received_seq")) {
            arrival.computeIfAbsent((String) row.get(0), k -> new ArrayList<>()).add((Integer) row.get(1));
        }
        List<Integer> expected = new ArrayList<>();
        for (int n = 0; n < perAggregate; n++) {
            expected.add(n);
        }
        assertEquals(aggregates, arrival.size());
        arrival.forEach((aggregate, order) -> assertEquals(expected, order, "arrival order of " + aggregate));
    }

    @Test
    void anEventWhoseTransactionCommitsLastIsStillDelivered() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("test.thing.happened", "slow", Map.of("n", 1));
            recorded.countDown();
            await(mayCommit);
        }));
        assertTrue(recorded.await(10, TimeUnit.SECONDS));
        QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", "fast", Map.of("n", 2)));

        long slowSeq = (Long) db.one("SELECT max(seq) FROM outbox WHERE aggregate_id = 'fast'") - 1;
        RelayWorker worker = relay.newWorker();
        assertEquals(1, worker.drain(Duration.ofSeconds(10)), "only the committed, later id is visible");
        assertEquals(List.of(List.of("fast")), db.rows("SELECT aggregate_id FROM received_events"));

        mayCommit.countDown();
        slow.get(10, TimeUnit.SECONDS);
        assertTrue((Long) db.one("SELECT seq FROM outbox WHERE aggregate_id = 'slow'") <= slowSeq,
                "the slow transaction holds the smaller id");
        assertEquals(1, worker.drain(Duration.ofSeconds(10)));
        assertEquals(2, db.count("SELECT count(*) FROM received_events"));
        assertEquals(1, db.count("SELECT count(*) FROM received_events WHERE aggregate_id = 'slow'"));
    }

    @Test
    void retentionDeletesOnlyOldDeliveredRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            outbox.record("test.thing.happened", "old", Map.of("n", 0));
            outbox.record("test.thing.happened", "waiting", Map.of("n", 0));
        });
        db.exec("UPDATE outbox SET status = 'SENT', sent_at = now() - interval '8 days' WHERE aggregate_id = 'old'");
        relay.retention();
        assertEquals(List.of(List.of("waiting")), db.rows("SELECT aggregate_id FROM outbox"));
    }

    private static int runUntilEmpty(RelayWorker worker) {
        int delivered = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int idleRounds = 0;
        while (System.nanoTime() < deadline && idleRounds < 20) {
            RelayWorker.Round round = worker.runOnce();
            delivered += round.delivered();
            if (round.claimed() == 0) {
                idleRounds++;
                sleep(20);
            } else {
                idleRounds = 0;
            }
        }
        return delivered;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
