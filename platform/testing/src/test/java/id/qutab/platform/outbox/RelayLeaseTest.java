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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Leases with the production length (the test app does not shorten it): a relay killed with its claims loses
 * them within seconds, a relay that is slow but alive keeps them. Time passes on {@link TestRelayClock}.
 */
@QuarkusTest
@TestProfile(RelayLeaseTest.LongChains.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RelayLeaseTest {

    /**
     * One claim takes a chain of 30 events, so delivering it outlasts a lease, even the old 60 s one. The
     * production delivery timeout: the first delivery after startup can be slow on a loaded machine.
     */
    public static class LongChains implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qutab.outbox.relay.per-aggregate", "30", "qutab.outbox.relay.delivery-timeout", "5s");
        }
    }

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
        heal();
    }

    @AfterEach
    void heal() {
        FlakyConsumer.ANSWER.set(FlakyConsumer.UP);
        FlakyConsumer.TAKES.set(Duration.ZERO);
        FlakyConsumer.CALLS.set(0);
        clock.reset();
    }

    @Test
    void claimsOfAKilledRelayAreDeliveredByAnotherWithinFifteenSeconds() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < 3; n++) {
                outbox.record("test.thing.happened", "orphaned", Map.of("n", n));
            }
        });
        List<OutboxRow> abandoned = relay.newWorker().claimAndAbandon(); // killed: no release, no renewal
        assertEquals(3, abandoned.size(), "the dying relay claimed head and followers");

        RelayWorker survivor = relay.newWorker(); // e.g. the restarted process, with an owner id of its own
        assertEquals(0, survivor.runOnce().claimed(), "leased rows are not claimable");
        clock.advance(Duration.ofSeconds(14));
        assertEquals(0, survivor.runOnce().claimed(), "still leased 14 s later");
        assertEquals(0, db.count("SELECT count(*) FROM received_events"));

        clock.advance(Duration.ofMillis(1100));
        assertEquals(3, survivor.drain(Duration.ofSeconds(10)), "15.1 s after the claim the rows are free again");
        assertEquals(List.of(List.of(0), List.of(1), List.of(2)),
                db.rows("SELECT n FROM received_events ORDER BY received_seq"));
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status <> 'SENT' OR lease_owner IS NOT NULL"));
    }

    @Test
    void aSlowRelayThatIsAliveKeepsItsClaimAndNothingIsDeliveredTwice() throws Exception {
        int events = 30;
        QuarkusTransaction.requiringNew().run(() -> {
            for (int n = 0; n < events; n++) {
                outbox.record("flaky.thing.happened", "slow", Map.of("n", n));
            }
        });
        // 30 deliveries of 2.5 s each (within the 5 s delivery timeout): 75 s, far past one lease.
        FlakyConsumer.TAKES.set(Duration.ofMillis(2500));
        RelayWorker slow = relay.newWorker();
        CompletableFuture<RelayWorker.Round> first = CompletableFuture.supplyAsync(slow::runOnce);

        long claimedAt = System.nanoTime();
        while (db.count("SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL") < events
                && System.nanoTime() - claimedAt < 10_000_000_000L) {
            Thread.sleep(5); // the slow relay claims first; then another relay tries all along
        }
        RelayWorker other = relay.newWorker();
        int otherClaimed = 0;
        while (!first.isDone()) {
            otherClaimed += other.runOnce().claimed();
            Thread.sleep(20);
        }
        RelayWorker.Round round = first.get(60, TimeUnit.SECONDS);
        assertEquals(new RelayWorker.Round(events, events), round, "the slow relay delivered its whole chain");
        assertEquals(0, otherClaimed, "nobody took a row from a relay that was still delivering");
        assertEquals(events, FlakyConsumer.CALLS.get(), "each event was sent once");
        List<List<Object>> expected = new ArrayList<>();
        for (int n = 0; n < events; n++) {
            expected.add(List.of(n));
        }
        assertEquals(expected, db.rows("SELECT n FROM received_events ORDER BY received_seq"));
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE status <> 'SENT' OR lease_owner IS NOT NULL"));
    }
}
