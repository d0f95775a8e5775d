package id.qutab.platform.bench;

import id.qutab.platform.outbox.Outbox;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.platform.outbox.OutboxRow;
import id.qutab.platform.outbox.OutboxStore;
import id.qutab.platform.outbox.RelayWorker;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * bench/outbox-backlog.sh: claim latency and the producer's record+commit latency with 100 000 undelivered
 * rows of a stopped consumer, against the embedded PostgreSQL. Not a test: its name matches no surefire or
 * failsafe pattern, so {@code verify} never runs it; the script selects it with {@code -Dtest}. It measures
 * and writes figures, it asserts nothing about time.
 *
 * <p>The claim before issue 9 (every non-SENT row read to find the heads) is measured on the same data with
 * its original SQL, so one run gives both figures.
 */
@QuarkusTest
@TestProfile(OutboxBacklogBench.Production.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OutboxBacklogBench {

    /** Production batch sizes; a backoff long enough that the backlog's heads stay waiting during the run. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // a port of its own: the platform's tests (of any worktree on this machine) use 18181
            return Map.of("qutab.outbox.relay.batch-size", "100", "qutab.outbox.relay.per-aggregate", "20",
                    "qutab.outbox.relay.lease", "15s", "qutab.outbox.relay.delivery-timeout", "5s",
                    "qutab.outbox.relay.backoff-base", "1h", "qutab.outbox.relay.backoff-max", "1h",
                    "quarkus.log.category.\"id.qutab.platform.outbox\".level", "ERROR",
                    "quarkus.http.test-port", "18197", "qutab.services.self.url", "http://localhost:18197");
        }
    }

    /** The claim's head query as of commit eadf7ac. */
    private static final String OLD_LOCK_HEADS = """
            WITH heads AS (
                SELECT DISTINCT ON (destination, aggregate_id) seq
                FROM outbox
                WHERE status <> 'SENT'
                ORDER BY destination, aggregate_id, seq
            )
            SELECT o.id FROM outbox o JOIN heads h ON h.seq = o.seq
            WHERE o.status = 'PENDING'
              AND o.next_attempt_at <= now()
              AND (o.lease_until IS NULL OR o.lease_until < now())
            ORDER BY o.seq
            LIMIT 100
            FOR UPDATE OF o SKIP LOCKED""";

    private static final String NEW_LOCK_HEADS = """
            SELECT o.id FROM outbox o
            WHERE o.status = 'PENDING'
              AND o.next_attempt_at <= now()
              AND (o.lease_until IS NULL OR o.lease_until < now())
              AND NOT EXISTS (SELECT 1 FROM outbox p
                              WHERE p.destination = o.destination AND p.aggregate_id = o.aggregate_id
                                AND p.seq < o.seq AND p.status <> 'SENT')
            ORDER BY o.next_attempt_at
            LIMIT 100
            FOR UPDATE OF o SKIP LOCKED""";

    private static final int AGGREGATES = Integer.getInteger("bench.aggregates", 20_000);
    private static final int PER_AGGREGATE = 5;
    private static final int CLAIMS = Integer.getInteger("bench.claims", 500);
    private static final int PRODUCER_TX = Integer.getInteger("bench.producer", 1000);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxStore store;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestDb db;

    private final StringBuilder report = new StringBuilder();

    @Test
    void backlogOfAStoppedConsumer() throws Exception {
        db.exec("TRUNCATE outbox, inbox, received_events");
        RelayWorker worker = relay.newWorker();
        warmUp(worker);

        line("## empty outbox");
        line(stats("producer record+commit, relay rounds running (new claim)", producerWithRelay(() -> {
            worker.runOnce();
            return null;
        })));
        line(stats("claim (new, full: park + lock + lease + commit)", claims(worker)));

        long built = System.nanoTime();
        buildBacklog(worker);
        line("");
        line("## backlog: " + db.count("SELECT count(*) FROM outbox WHERE status = 'PENDING' AND destination = 'gone'")
                + " undelivered rows of the stopped consumer 'gone' (" + AGGREGATES + " aggregates x " + PER_AGGREGATE
                + "), built in " + Duration.ofNanos(System.nanoTime() - built).toSeconds() + " s");
        line("");
        line(stats("claim (new, full: park + lock + lease + commit)", claims(worker)));
        // A commit that recorded an event nudges the relay, so a claim nearly always finds a due row. (With none due
        // the old query's hash join ends before it reads the backlog: a quiet poll was cheap even before.)
        line(stats("claim head query, new (index-driven), a fresh row due", headQueries(CLAIMS, NEW_LOCK_HEADS, true)));
        line(stats("claim head query, old (eadf7ac), a fresh row due", headQueries(Math.min(CLAIMS, 200), OLD_LOCK_HEADS, true)));
        db.exec("UPDATE outbox SET status = 'SENT', sent_at = now() WHERE destination = 'self' AND status = 'PENDING'");
        line(stats("claim head query, new (index-driven), nothing due", headQueries(CLAIMS, NEW_LOCK_HEADS, false)));
        line(stats("claim head query, old (eadf7ac), nothing due", headQueries(Math.min(CLAIMS, 200), OLD_LOCK_HEADS, false)));
        line(stats("producer record+commit, relay rounds running (new claim)", producerWithRelay(() -> {
            worker.runOnce();
            return null;
        })));
        line(stats("producer record+commit, old claim query polling", producerWithRelay(() -> {
            query(OLD_LOCK_HEADS); // the producer's own rows are due, so every poll reads the backlog
            return null;
        })));
        line(stats("producer record+commit, nothing polling", producerWithRelay(null)));
        line("");
        line("new claim plan:");
        explain(NEW_LOCK_HEADS).forEach(l -> line("    " + l));
        line("old claim plan:");
        explain(OLD_LOCK_HEADS).forEach(l -> line("    " + l));

        Path out = Path.of("target", "outbox-backlog-bench.txt");
        Files.writeString(out, report);
        System.out.println("\n===== outbox backlog bench =====\n" + report + "===== (also in " + out.toAbsolutePath() + ")");
    }

    private void warmUp(RelayWorker worker) {
        for (int i = 0; i < 200; i++) {
            QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", "warm", Map.of("n", 0)));
            worker.runOnce();
            query(OLD_LOCK_HEADS);
            query(NEW_LOCK_HEADS);
        }
        db.exec("TRUNCATE outbox, inbox, received_events");
    }

    /** Rows of a consumer that is down: the relay has tried every head, and events went on arriving behind them. */
    private void buildBacklog(RelayWorker worker) {
        for (int n = 0; n < PER_AGGREGATE; n++) {
            int step = n;
            for (int from = 0; from < AGGREGATES; from += 1000) {
                int start = from;
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int a = start; a < Math.min(start + 1000, AGGREGATES); a++) {
                        outbox.record("gone.order.paid", "order-" + a, Map.of("n", step));
                    }
                });
            }
            if (n == PER_AGGREGATE - 2) {
                while (worker.runOnce().claimed() > 0) {
                    // every head fails (connection refused) and waits an hour; its followers are parked
                }
            }
        }
        while (store.park(10_000) > 0) {
            // the last events arrived behind waiting heads: parked as the relay's rounds would
        }
        db.exec("VACUUM ANALYZE outbox");
    }

    /** The head query alone; with {@code fresh}, an event due at once is recorded first, as a nudging commit leaves it. */
    private long[] headQueries(int times, String sql, boolean fresh) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            if (fresh) {
                QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened",
                        "fresh-" + UUID.randomUUID(), Map.of("n", 1)));
            }
            long t = System.nanoTime();
            query(sql);
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    private long[] claims(RelayWorker worker) {
        long[] nanos = new long[CLAIMS];
        for (int i = 0; i < CLAIMS; i++) {
            QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", "fresh", Map.of("n", 1)));
            UUID owner = UUID.randomUUID();
            long t = System.nanoTime();
            store.park(500);
            List<OutboxRow> rows = store.claim(owner, 100, 20, Duration.ofSeconds(60));
            nanos[i] = System.nanoTime() - t;
            for (OutboxRow row : rows) {
                store.markSent(row.id(), owner);
            }
        }
        return nanos;
    }

    private long[] producerWithRelay(Supplier<Void> relayRound) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread background = new Thread(() -> {
            while (!stop.get() && relayRound != null) {
                relayRound.get();
                sleep(5);
            }
        });
        background.start();
        try {
            return timed(PRODUCER_TX, () -> QuarkusTransaction.requiringNew().run(() ->
                    outbox.record("test.thing.happened", "order-" + UUID.randomUUID(), Map.of("n", 1))));
        } finally {
            stop.set(true);
            background.join();
        }
    }

    private long[] timed(int times, Runnable action) {
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long t = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - t;
        }
        return nanos;
    }

    /** The head query in a transaction that is rolled back: the locks go, nothing changes. */
    private void query(String sql) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> explain(String sql) {
        List<String> plan = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return plan;
    }

    private static String stats(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("%-62s n=%5d  p50=%8.2f ms  p99=%8.2f ms  max=%8.2f ms", what, sorted.length,
                ms(sorted, 0.50), ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private void line(String s) {
        report.append(s).append('\n');
        System.out.println(s);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
