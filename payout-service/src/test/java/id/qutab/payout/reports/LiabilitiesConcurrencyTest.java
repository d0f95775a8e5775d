package id.qutab.payout.reports;

import id.qutab.payout.testsupport.Concurrently;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rollup behind the liabilities report is written by triggers in the ledger's and the payouts' own transactions:
 * concurrent commission events, payout requests and report reads for the same affiliates lose no update and leave
 * the rollup equal to the rows.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LiabilitiesConcurrencyTest {

    /** Per affiliate: pending, earned − clawbacks, reserved, paid out, from the rows vs. from ledger_totals. */
    private static final String MISMATCHES = """
            WITH c AS (SELECT affiliate_id,
                              COALESCE(SUM(amount) FILTER (WHERE state = 'PENDING'), 0) AS p,
                              COALESCE(SUM(amount) FILTER (WHERE state IN ('AVAILABLE', 'CLAWED_BACK')), 0)
                            - COALESCE(SUM(clawback_amount) FILTER (WHERE state = 'CLAWED_BACK'), 0) AS net
                         FROM ledger_commission GROUP BY affiliate_id),
                 o AS (SELECT affiliate_id,
                              COALESCE(SUM(amount) FILTER (WHERE status IN ('REQUESTED', 'APPROVED')), 0) AS r,
                              COALESCE(SUM(amount) FILTER (WHERE status = 'PAID'), 0) AS d
                         FROM payout GROUP BY affiliate_id),
                 b AS (SELECT COALESCE(c.affiliate_id, o.affiliate_id) AS a, COALESCE(c.p, 0) AS p,
                              COALESCE(c.net, 0) AS net, COALESCE(o.r, 0) AS r, COALESCE(o.d, 0) AS d
                         FROM c FULL JOIN o ON o.affiliate_id = c.affiliate_id)
            SELECT count(*) FROM b FULL JOIN ledger_totals t ON t.affiliate_id = b.a
             WHERE (COALESCE(t.pending, 0), COALESCE(t.earned - t.clawbacks, 0), COALESCE(t.reserved, 0),
                    COALESCE(t.paid_out, 0))
                   IS DISTINCT FROM (COALESCE(b.p, 0), COALESCE(b.net, 0), COALESCE(b.r, 0), COALESCE(b.d, 0))""";

    @Inject
    TestDb db;

    @Test
    void concurrentLedgerAndPayoutWritesKeepTheRollupExact() throws Exception {
        Affiliate x = Fixtures.verifiedAffiliate();
        Affiliate y = Fixtures.verifiedAffiliate();
        UUID clawedX = Fixtures.availableCommission(x.affiliateId(), 300_000);
        Fixtures.availableCommission(y.affiliateId(), 300_000);

        List<Callable<Response>> work = new ArrayList<>();
        for (Affiliate a : List.of(x, y)) {
            for (int i = 0; i < 6; i++) {
                work.add(() -> {
                    UUID c = UUID.randomUUID();
                    Fixtures.created(a.affiliateId(), c, 50_000).then().statusCode(200);
                    return Fixtures.matured(a.affiliateId(), c, 50_000);
                });
                work.add(() -> Fixtures.created(a.affiliateId(), UUID.randomUUID(), 10_000));
            }
            for (int i = 0; i < 3; i++) {
                work.add(() -> Fixtures.requestPayout(a, 100_000, null));
            }
        }
        work.add(() -> Fixtures.clawback(x.affiliateId(), clawedX, 300_000));
        for (int i = 0; i < 4; i++) {
            work.add(() -> given().auth().oauth2(ADMIN).get("/api/admin/reports/liabilities"));
        }
        for (Response r : Concurrently.run(work)) {
            assertEquals(true, List.of(200, 201, 409, 422).contains(r.statusCode()), r.asString());
        }

        assertEquals(0, db.count(MISMATCHES), "the rollup equals the rows for every affiliate");
        for (Affiliate a : List.of(x, y)) {
            List<Object> row = db.rows("SELECT pending, earned - clawbacks - reserved - paid_out, reserved, paid_out"
                    + " FROM ledger_totals WHERE affiliate_id = ?", a.affiliateId()).get(0);
            var balance = given().auth().oauth2(a.token()).get("/api/affiliate/balance").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of(balance.getLong("pending"), balance.getLong("available"), balance.getLong("reserved"),
                    balance.getLong("paidOut")), row.stream().map(v -> ((Number) v).longValue()).toList());
            assertEquals(60_000, balance.getLong("pending"));
        }
        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ? AND status = 'REQUESTED'",
                y.affiliateId()), "y's 600 000 covered one of its three racing requests");
    }
}
