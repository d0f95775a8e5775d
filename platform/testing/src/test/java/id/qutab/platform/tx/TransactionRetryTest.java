package id.qutab.platform.tx;

import id.qutab.platform.support.Contention;
import id.qutab.platform.support.NoInternals;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Serialization failures and deadlocks (SQLSTATE 40001, 40P01) are retried by the platform at the outermost
 * transaction boundary of any {@code @Transactional} method, with real PostgreSQL errors.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TransactionRetryTest {

    @Inject
    TestDb db;

    @Inject
    Contention contention;

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionRetry retry;

    @BeforeEach
    void reset() {
        db.exec("TRUNCATE counters");
        db.exec("INSERT INTO counters (id, value) VALUES (1, 0), (2, 0)");
        contention.newMeeting();
    }

    @Test
    void twoTransactionsLockingRowsInOppositeOrderBothSucceedAfterExactlyOneRetry() throws Exception {
        deadlockBothSucceed("both");
    }

    @Test
    void aDeadlockWhileCommittingIsRetriedToo() throws Exception {
        // Hibernate writes at commit (flush): the deadlock comes out of the commit, wrapped by the transaction manager.
        deadlockBothSucceed("both-at-commit");
    }

    private void deadlockBothSucceed(String endpoint) throws Exception {
        String a = "a-" + UUID.randomUUID();
        String b = "b-" + UUID.randomUUID();
        double retriesBefore = retries("40P01");

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> given().post("/test/contention/" + endpoint + "/" + a + "?first=1&second=2"));
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(
                () -> given().post("/test/contention/" + endpoint + "/" + b + "?first=2&second=1"));

        for (Response r : List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS))) {
            assertEquals(204, r.statusCode(), r.asString());
        }
        // PostgreSQL aborted one of them (the deadlock victim); only that one ran again.
        int attemptsA = contention.attempts(a);
        int attemptsB = contention.attempts(b);
        assertEquals(3, attemptsA + attemptsB, "attempts: a=" + attemptsA + " b=" + attemptsB);
        assertEquals(1, Math.abs(attemptsA - attemptsB));
        assertEquals(1.0, retries("40P01") - retriesBefore);
        // Each transaction added one to both rows exactly once: the victim's first attempt left nothing.
        assertEquals(List.of(List.of(1, 2), List.of(2, 2)), db.rows("SELECT id, value FROM counters ORDER BY id"));
    }

    @Test
    void aSerializationFailureThatNeverClearsEndsIn503AfterThreeAttempts() {
        String caller = "always-" + UUID.randomUUID();
        double exhaustedBefore = exhausted();
        Response r = given().post("/test/contention/always/" + caller + "?sqlstate=40001");
        r.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://qutab.id/problems/contention"))
                .body("status", equalTo(503));
        NoInternals.assertClean(r.asString());
        assertEquals(3, contention.attempts(caller));
        assertEquals(1.0, exhausted() - exhaustedBefore);
    }

    @Test
    void otherDatabaseErrorsAreNeverRetried() {
        String caller = "other-" + UUID.randomUUID();
        given().post("/test/contention/always/" + caller + "?sqlstate=23505").then().statusCode(409);
        assertEquals(1, contention.attempts(caller));
    }

    @Test
    void aJoinedTransactionIsRetriedOnlyByItsOutermostBoundary() {
        String caller = "joined-" + UUID.randomUUID();
        given().post("/test/contention/joined/" + caller).then().statusCode(503);
        assertEquals(3, contention.attempts(caller));
        assertEquals(3, contention.attempts(caller + "/inner"), "not 3 × 3: the inner method only joins");
    }

    @Test
    void aRequiresNewTransactionIsItsOwnBoundaryEvenInsideAnother() {
        String caller = "new-" + UUID.randomUUID();
        given().post("/test/contention/requires-new/" + caller).then().statusCode(204);
        assertEquals(1, contention.attempts(caller));
        assertEquals(2, contention.attempts(caller + "/inner"));
        assertEquals(List.of(List.of(1, 1), List.of(2, 1)), db.rows("SELECT id, value FROM counters ORDER BY id"));
    }

    @Test
    void aProgrammaticTransactionIsRetriedWhenWrappedWhole() throws Exception {
        String caller = "programmatic-" + UUID.randomUUID();
        String result = retry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            contention.failFirst(caller, 1, "40001");
            return "done";
        }));
        assertEquals("done", result);
        assertEquals(2, contention.attempts(caller));
        assertEquals(1, db.one("SELECT value FROM counters WHERE id = 1"));
    }

    private double retries(String sqlState) {
        Counter counter = registry.find("qutab.tx.retries").tag("sqlstate", sqlState).counter();
        return counter == null ? 0 : counter.count();
    }

    private double exhausted() {
        return registry.find("qutab.tx.retries.exhausted").counters().stream().mapToDouble(Counter::count).sum();
    }
}
