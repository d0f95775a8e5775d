package id.qutab.platform.outbox;

import id.qutab.testing.TestDb;
import id.qutab.testing.PostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With the poll an hour away, only the after-commit nudge can deliver the event. The first delivery after
 * startup is slow on a loaded machine (cold code paths on both ends), so this test allows it a production-sized
 * delivery timeout; what it proves does not depend on how fast that delivery is.
 */
@QuarkusTest
@TestProfile(NudgedRelayTest.RelayRunning.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class NudgedRelayTest {

    public static class RelayRunning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("qutab.outbox.relay.enabled", "true", "qutab.outbox.relay.poll-interval", "1h",
                    "qutab.outbox.relay.delivery-timeout", "10s");
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    TestDb db;

    @Test
    void aCommitNudgesTheRelay() throws InterruptedException {
        db.exec("TRUNCATE outbox, inbox, received_events");
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> outbox.record("test.thing.happened", "nudged", Map.of("n", 5)));
        while (db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'") == 0 && System.nanoTime() - start < 30_000_000_000L) {
            Thread.sleep(10);
        }
        assertEquals(List.of(List.of("nudged", 5)), db.rows("SELECT aggregate_id, n FROM received_events"));
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE status = 'SENT'"));
    }
}
