package id.qutab.payout.payouts;

import id.qutab.payout.testsupport.Concurrently;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Approval and mark-paid re-derive the balance under the affiliate's lock: a void or clawback that arrived after
 * the request and leaves the payout uncovered (available would stay negative after paying it) refuses the step
 * with 409 {@code payout-not-covered} and changes nothing; the admin then rejects the payout.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PayoutCoverageTest {

    private static final String NOT_COVERED = "https://qutab.id/problems/payout-not-covered";
    private static final int ROUNDS = 12;

    @Inject
    TestDb db;

    /** An affiliate with two available commissions of 100 000 and a payout request of 200 000. */
    private record Situation(Affiliate a, UUID c1, UUID c2, String payoutId) {
    }

    private static Situation requested() {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID c1 = Fixtures.availableCommission(a.affiliateId(), 100_000);
        UUID c2 = Fixtures.availableCommission(a.affiliateId(), 100_000);
        String id = Fixtures.requestPayout(a, 200_000, null).then().statusCode(201).extract().path("id");
        return new Situation(a, c1, c2, id);
    }

    @Test
    void approvalIsRefusedWhenAVoidAfterTheRequestLeftThePayoutUncovered() {
        Situation s = requested();
        Fixtures.voided(s.a().affiliateId(), s.c2(), 100_000).then().statusCode(200);

        approve(s.payoutId()).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(NOT_COVERED)).body("title", equalTo("Payout no longer covered"))
                .body("detail", containsString("Reject this payout"))
                .body("detail", containsString("Rp 100.000"));
        assertUntouched(s.payoutId(), "REQUESTED");
        assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":200000,\"paidOut\":0}",
                Fixtures.balanceJson(s.a()));

        reject(s.payoutId()).then().statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals("{\"pending\":0,\"available\":100000,\"reserved\":0,\"paidOut\":0}", Fixtures.balanceJson(s.a()));
    }

    @Test
    void markPaidIsRefusedWhenAClawbackAfterTheApprovalLeftThePayoutUncovered() {
        Situation s = requested();
        Fixtures.approve(s.payoutId());
        Fixtures.clawback(s.a().affiliateId(), s.c2(), 100_000).then().statusCode(200);

        Fixtures.markPaid(s.payoutId(), "TRX-UNCOVERED").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(NOT_COVERED))
                .body("detail", containsString("Reject this payout"));
        assertUntouched(s.payoutId(), "APPROVED");
        assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":200000,\"paidOut\":0}",
                Fixtures.balanceJson(s.a()));

        reject(s.payoutId()).then().statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals("{\"pending\":0,\"available\":100000,\"reserved\":0,\"paidOut\":0}", Fixtures.balanceJson(s.a()));
    }

    @Test
    void aVoidThatStillLeavesThePayoutCoveredChangesNothingForIt() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 100_000);
        Fixtures.availableCommission(a.affiliateId(), 100_000);
        UUID spare = Fixtures.availableCommission(a.affiliateId(), 50_000);
        String id = Fixtures.requestPayout(a, 200_000, null).then().statusCode(201).extract().path("id");
        Fixtures.voided(a.affiliateId(), spare, 50_000).then().statusCode(200); // available 50 000 → exactly 0

        Fixtures.approve(id);
        Fixtures.markPaid(id, "TRX-COVERED").then().statusCode(200).body("status", equalTo("PAID"))
                .body("unallocatedAmount", equalTo(0));
        assertEquals("{\"pending\":0,\"available\":0,\"reserved\":0,\"paidOut\":200000}", Fixtures.balanceJson(a));
    }

    @Test
    void aClawbackOfAnEarlierPaidCommissionCountsAgainstTheNextPayout() {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID c1 = Fixtures.availableCommission(a.affiliateId(), 100_000);
        String first = Fixtures.requestPayout(a, 100_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(first);
        Fixtures.markPaid(first, "TRX-FIRST").then().statusCode(200);
        Fixtures.availableCommission(a.affiliateId(), 150_000);
        String second = Fixtures.requestPayout(a, 150_000, null).then().statusCode(201).extract().path("id");
        // the order behind the first, already paid commission is refunded: the affiliate now owes 100 000
        Fixtures.clawback(a.affiliateId(), c1, 100_000).then().statusCode(200);

        approve(second).then().statusCode(409).body("type", equalTo(NOT_COVERED));
        assertUntouched(second, "REQUESTED");
        assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":150000,\"paidOut\":100000}",
                Fixtures.balanceJson(a));
    }

    @Test
    void approvalRacingAVoidEitherSawTheVoidAndRefusedOrCameFirst() throws Exception {
        int approvedFirst = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Situation s = requested();
            List<Callable<Response>> work = List.of(
                    () -> approve(s.payoutId()),
                    () -> Fixtures.voided(s.a().affiliateId(), s.c2(), 100_000));
            List<Response> answers = Concurrently.run(work);
            Response approval = answers.get(0);
            assertEquals(200, answers.get(1).statusCode(), answers.get(1).asString());
            assertEquals(1, db.count("SELECT count(*) FROM ledger_commission WHERE commission_id = ?"
                    + " AND state = 'VOIDED'", s.c2()));

            if (approval.statusCode() == 409) {
                refused++;
                assertEquals(NOT_COVERED, approval.jsonPath().getString("type"));
                assertUntouched(s.payoutId(), "REQUESTED");
            } else {
                approvedFirst++;
                assertEquals(200, approval.statusCode(), approval.asString());
                // approved without seeing the void: then the approval really was decided before it
                assertEquals(List.of(List.of("APPROVED", true)), db.rows("SELECT p.status, p.approved_at < e.recorded_at"
                        + " FROM payout p, ledger_entry e WHERE p.id = ?::uuid AND e.commission_id = ?"
                        + " AND e.kind = 'VOIDED'", s.payoutId(), s.c2()), "round " + round);
                // ... and paying it now is refused: nothing pays out against the voided commission
                Fixtures.markPaid(s.payoutId(), "TRX-" + round).then().statusCode(409).body("type", equalTo(NOT_COVERED));
                assertUntouched(s.payoutId(), "APPROVED");
            }
            assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":200000,\"paidOut\":0}",
                    Fixtures.balanceJson(s.a()));
            reject(s.payoutId()).then().statusCode(200);
            assertEquals("{\"pending\":0,\"available\":100000,\"reserved\":0,\"paidOut\":0}",
                    Fixtures.balanceJson(s.a()));
        }
        System.out.printf("approve vs void: %d approved first, %d refused after the void%n", approvedFirst, refused);
    }

    @Test
    void markPaidRacingAClawbackEitherSawItAndRefusedOrPaidWhatWasThere() throws Exception {
        int paidFirst = 0;
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Situation s = requested();
            Fixtures.approve(s.payoutId());
            String reference = "TRX-RACE-" + round;
            List<Callable<Response>> work = List.of(
                    () -> Fixtures.markPaid(s.payoutId(), reference),
                    () -> Fixtures.clawback(s.a().affiliateId(), s.c2(), 100_000));
            List<Response> answers = Concurrently.run(work);
            Response paying = answers.get(0);
            assertEquals(200, answers.get(1).statusCode(), answers.get(1).asString());
            assertEquals(List.of(List.of("CLAWED_BACK", 100_000L)), db.rows("SELECT state, clawback_amount"
                    + " FROM ledger_commission WHERE commission_id = ?", s.c2()));

            if (paying.statusCode() == 409) {
                refused++;
                assertEquals(NOT_COVERED, paying.jsonPath().getString("type"));
                assertUntouched(s.payoutId(), "APPROVED");
                assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":200000,\"paidOut\":0}",
                        Fixtures.balanceJson(s.a()));
                reject(s.payoutId()).then().statusCode(200);
                assertEquals("{\"pending\":0,\"available\":100000,\"reserved\":0,\"paidOut\":0}",
                        Fixtures.balanceJson(s.a()));
            } else {
                paidFirst++;
                assertEquals(200, paying.statusCode(), paying.asString());
                // paid before the clawback: everything it paid was covered, the refund is a debt afterwards
                assertEquals(List.of(List.of("PAID", reference, 0L, true)), db.rows("SELECT p.status,"
                        + " p.transfer_reference, p.unallocated_amount, p.paid_at < e.recorded_at FROM payout p,"
                        + " ledger_entry e WHERE p.id = ?::uuid AND e.commission_id = ? AND e.kind = 'CLAWBACK'",
                        s.payoutId(), s.c2()), "round " + round);
                assertEquals(List.of(List.of(s.c1(), 100_000L, true), List.of(s.c2(), 100_000L, true)),
                        db.rows("SELECT commission_id, amount, fully_paid FROM payout_allocation WHERE payout_id = ?::uuid"
                                + " ORDER BY position", s.payoutId()));
                assertEquals(1, db.count("SELECT count(DISTINCT event_id) FROM outbox WHERE aggregate_id = ?"
                        + " AND event_type = 'payout.payout.paid'", s.payoutId()));
                assertEquals("{\"pending\":0,\"available\":-100000,\"reserved\":0,\"paidOut\":200000}",
                        Fixtures.balanceJson(s.a()));
            }
        }
        System.out.printf("mark-paid vs clawback: %d paid first, %d refused after the clawback%n", paidFirst, refused);
    }

    /** The refused step left the payout exactly as it was: no decision, no allocation, no event after the request. */
    private void assertUntouched(String payoutId, String status) {
        List<List<Object>> row = db.rows("SELECT status, approved_at IS NOT NULL, paid_at, paid_by, transfer_reference,"
                + " unallocated_amount, failed_at, rejected_at FROM payout WHERE id = ?::uuid", payoutId);
        assertEquals(List.of(Arrays.asList(status, status.equals("APPROVED"), null, null, null, null, null, null)), row);
        assertEquals(0, db.count("SELECT count(*) FROM payout_allocation WHERE payout_id = ?::uuid", payoutId));
        assertEquals(List.of(List.of("payout.payout.requested")),
                db.rows("SELECT event_type FROM outbox WHERE aggregate_id = ?", payoutId));
    }

    private static Response approve(String payoutId) {
        return given().auth().oauth2(ADMIN).post("/api/admin/payouts/" + payoutId + "/approve");
    }

    private static Response reject(String payoutId) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "no longer covered"))
                .post("/api/admin/payouts/" + payoutId + "/reject");
    }
}
