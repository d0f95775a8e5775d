package id.qutab.payout.payouts;

import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Concurrently;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core rule 1 against a real PostgreSQL: N simultaneous payout requests can never reserve more than is available,
 * and a request racing a commission void decides on a ledger state that really existed.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PayoutConcurrencyTest {

    private static final String PROBLEMS = "https://qutab.id/problems/";

    @Inject
    TestDb db;

    @Test
    void twentyParallelRequestsForTheWholeBalanceYieldExactlyOnePayout() throws Exception {
        Affiliate a = Fixtures.verifiedAffiliate();
        for (int i = 0; i < 5; i++) {
            Fixtures.availableCommission(a.affiliateId(), 100_000);
        }
        List<Response> answers = all(20, i -> Fixtures.requestPayout(a, 500_000, "parallel-" + i));

        List<Integer> statuses = answers.stream().map(Response::statusCode).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 422).count(), statuses.toString());
        for (Response r : answers) {
            if (r.statusCode() == 422) {
                assertTrue(Set.of(PROBLEMS + "open-payout-exists", PROBLEMS + "insufficient-balance")
                        .contains(r.jsonPath().getString("type")), r.asString());
            }
        }
        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ?", a.affiliateId()));
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE event_type = 'payout.payout.requested'"
                + " AND payload->>'affiliateId' = ?", a.affiliateId().toString()));
        assertEquals("{\"pending\":0,\"available\":0,\"reserved\":500000,\"paidOut\":0}", Fixtures.balanceJson(a));
    }

    @Test
    void theSameIdempotencyKeyFiveTimesInParallelMakesOnePayout() throws Exception {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 300_000);
        List<Response> answers = all(5, i -> Fixtures.requestPayout(a, 300_000, "same-key"));

        assertEquals(List.of(201, 201, 201, 201, 201), answers.stream().map(Response::statusCode).toList());
        assertEquals(1, answers.stream().map(r -> r.jsonPath().getString("id")).distinct().count());
        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ?", a.affiliateId()));
        assertEquals("{\"pending\":0,\"available\":0,\"reserved\":300000,\"paidOut\":0}", Fixtures.balanceJson(a));
    }

    @Test
    void requestsRacingCommissionVoidsNeverReserveMoreThanTheLedgerAllowed() throws Exception {
        for (int round = 0; round < 3; round++) {
            Affiliate a = Fixtures.verifiedAffiliate();
            List<UUID> commissions = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                commissions.add(Fixtures.availableCommission(a.affiliateId(), 100_000));
            }
            UUID v1 = commissions.get(3);
            UUID v2 = commissions.get(4);
            List<Callable<Response>> work = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String key = "race-" + round + "-" + i;
                work.add(() -> Fixtures.requestPayout(a, 400_000, key));
                if (i == 2) {
                    work.add(() -> Fixtures.voided(a.affiliateId(), v1, 100_000));
                }
                if (i == 6) {
                    work.add(() -> Fixtures.voided(a.affiliateId(), v2, 100_000));
                }
            }
            List<Response> answers = run(work);
            assertTrue(answers.stream().allMatch(r -> r.statusCode() == 200 || r.statusCode() == 201
                    || r.statusCode() == 422), answers.stream().map(Response::statusCode).toList().toString());

            List<List<Object>> accepted = db.rows("SELECT amount, available_before, ledger_position FROM payout"
                    + " WHERE affiliate_id = ?", a.affiliateId());
            assertTrue(accepted.size() <= 1, accepted.toString());
            long voided = db.count("SELECT count(*) FROM ledger_commission WHERE affiliate_id = ? AND state = 'VOIDED'",
                    a.affiliateId());
            assertEquals(2, voided);
            for (List<Object> p : accepted) {
                long amount = (Long) p.get(0);
                long availableBefore = (Long) p.get(1);
                long position = (Long) p.get(2);
                long voidsBefore = db.count("SELECT count(*) FROM ledger_entry WHERE affiliate_id = ? AND kind = 'VOIDED'"
                        + " AND seq <= ?", a.affiliateId(), position);
                // the request decided on exactly the ledger up to its position: every earlier void, no later one
                assertEquals(500_000 - 100_000 * voidsBefore, availableBefore, "round " + round);
                assertTrue(amount <= availableBefore, "reserved more than was available: " + p);
                assertTrue(voidsBefore <= 1, "with both voids applied only 300 000 was available: " + p);
            }
            long reserved = accepted.stream().mapToLong(p -> (Long) p.get(0)).sum();
            assertEquals("{\"pending\":0,\"available\":" + (300_000 - reserved) + ",\"reserved\":" + reserved
                    + ",\"paidOut\":0}", Fixtures.balanceJson(a));
        }
    }

    private interface Attempt {
        Response call(int i);
    }

    private static List<Response> all(int n, Attempt attempt) throws Exception {
        List<Callable<Response>> work = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            work.add(() -> attempt.call(index));
        }
        return run(work);
    }

    private static List<Response> run(List<Callable<Response>> work) throws Exception {
        return Concurrently.run(work);
    }
}
