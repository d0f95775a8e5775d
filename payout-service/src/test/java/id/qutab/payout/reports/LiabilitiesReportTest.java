package id.qutab.payout.reports;

import id.qutab.payout.balances.Balance;
import id.qutab.payout.balances.BalanceCalculator;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The liabilities report sums the very balances the affiliates see: checked against GET /api/affiliate/balance of
 * the affiliates made here, against {@link BalanceCalculator} for every affiliate in the database, and against a
 * recount written straight over the rows. The database is shared with the other test classes, so the report's
 * totals are checked as a whole against the recounts, and this test's own effect as the difference it made.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LiabilitiesReportTest {

    private static final String PATH = "/api/admin/reports/liabilities";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Every affiliate's balance from the rows, written independently of the service's SQL and of the rollup. */
    private static final String RECOUNT = """
            WITH c AS (SELECT affiliate_id,
                              COALESCE(SUM(amount) FILTER (WHERE state = 'PENDING'), 0) AS p,
                              COALESCE(SUM(amount) FILTER (WHERE state IN ('AVAILABLE', 'CLAWED_BACK')), 0) AS e,
                              COALESCE(SUM(clawback_amount) FILTER (WHERE state = 'CLAWED_BACK'), 0) AS cb
                         FROM ledger_commission GROUP BY affiliate_id),
                 o AS (SELECT affiliate_id,
                              COALESCE(SUM(amount) FILTER (WHERE status IN ('REQUESTED', 'APPROVED')), 0) AS r,
                              COALESCE(SUM(amount) FILTER (WHERE status = 'PAID'), 0) AS d
                         FROM payout GROUP BY affiliate_id),
                 b AS (SELECT COALESCE(c.affiliate_id, o.affiliate_id) AS a, COALESCE(c.p, 0) AS p,
                              COALESCE(c.e, 0) - COALESCE(c.cb, 0) - COALESCE(o.r, 0) - COALESCE(o.d, 0) AS av,
                              COALESCE(o.r, 0) AS r, COALESCE(o.d, 0) AS d
                         FROM c FULL JOIN o ON o.affiliate_id = c.affiliate_id)
            """;

    @Inject
    TestDb db;

    @Inject
    BalanceCalculator calculator;

    @Test
    void theReportIsTheSumOfEveryAffiliatesBalance() {
        JsonPath before = report();

        // A: one pending commission, one voided (counts nowhere)
        Affiliate a = Fixtures.approvedAffiliate();
        Fixtures.created(a.affiliateId(), UUID.randomUUID(), 120_000).then().statusCode(200);
        UUID voided = UUID.randomUUID();
        Fixtures.created(a.affiliateId(), voided, 50_000).then().statusCode(200);
        Fixtures.voided(a.affiliateId(), voided, 50_000).then().statusCode(200);

        // B: 500 000 available, a FAILED payout (its amount is back), a REQUESTED one of 150 000
        Affiliate b = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(b.affiliateId(), 500_000);
        String failed = Fixtures.requestPayout(b, 100_000, null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Rekening tidak aktif"))
                .post("/api/admin/payouts/" + failed + "/fail").then().statusCode(200);
        String requested = Fixtures.requestPayout(b, 150_000, null).then().statusCode(201).extract().path("id");

        // C: 300 000 paid out, then clawed back in full: -300 000; plus 40 000 pending
        Affiliate c = Fixtures.verifiedAffiliate();
        UUID clawed = Fixtures.availableCommission(c.affiliateId(), 300_000);
        String paid = Fixtures.requestPayout(c, 300_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(paid);
        Fixtures.markPaid(paid, "TRX-LIAB-" + UUID.randomUUID().toString().substring(0, 8)).then().statusCode(200);
        Fixtures.clawback(c.affiliateId(), clawed, 300_000).then().statusCode(200);
        Fixtures.created(c.affiliateId(), UUID.randomUUID(), 40_000).then().statusCode(200);

        // D: 400 000 available, a REJECTED payout, an APPROVED one of 250 000
        Affiliate d = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(d.affiliateId(), 400_000);
        String rejected = Fixtures.requestPayout(d, 200_000, null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Suspicious"))
                .post("/api/admin/payouts/" + rejected + "/reject").then().statusCode(200);
        String approved = Fixtures.requestPayout(d, 250_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(approved);

        JsonPath after = report();

        // this test's own effect, by hand
        assertEquals(120_000 + 40_000, after.getLong("pending") - before.getLong("pending"));
        assertEquals(350_000 + 150_000, after.getLong("available") - before.getLong("available"),
                "C's debt is not netted against B's and D's balances");
        assertEquals(-300_000, after.getLong("negativeTotal") - before.getLong("negativeTotal"));
        assertEquals(150_000 + 250_000, after.getLong("reserved") - before.getLong("reserved"));
        assertEquals(300_000, after.getLong("paidOut") - before.getLong("paidOut"));
        assertEquals(300_000, after.getLong("paidThisMonth") - before.getLong("paidThisMonth"));
        assertEquals(4, after.getInt("affiliates") - before.getInt("affiliates"));
        assertEquals(1, after.getLong("payoutsAwaitingApproval.count") - before.getLong("payoutsAwaitingApproval.count"));
        assertEquals(150_000, after.getLong("payoutsAwaitingApproval.amount")
                - before.getLong("payoutsAwaitingApproval.amount"));
        assertEquals(1, after.getLong("payoutsAwaitingTransfer.count") - before.getLong("payoutsAwaitingTransfer.count"));
        assertEquals(250_000, after.getLong("payoutsAwaitingTransfer.amount")
                - before.getLong("payoutsAwaitingTransfer.amount"));
        assertEquals(-300_000L, negativeBalances(after).get(c.affiliateId()));
        for (Affiliate positive : List.of(a, b, d)) {
            assertFalse(negativeBalances(after).containsKey(positive.affiliateId()));
        }

        // each affiliate's CSV line is exactly what that affiliate sees
        Map<String, List<String>> lines = csvLines(csv(given().auth().oauth2(ADMIN).queryParam("format", "csv")));
        assertEquals(List.of(0L, 120_000L, 0L, 0L, 0L), balanceOf(a));
        assertEquals(List.of(0L, 0L, 350_000L, 150_000L, 0L), balanceOf(b));
        assertEquals(List.of(0L, 40_000L, -300_000L, 0L, 300_000L), balanceOf(c));
        assertEquals(List.of(0L, 0L, 150_000L, 250_000L, 0L), balanceOf(d));
        for (Affiliate x : List.of(a, b, c, d)) {
            assertEquals(balanceOf(x).subList(1, 5), numbers(lines.get(x.affiliateId().toString())),
                    "CSV line of " + x.affiliateId());
        }

        // the whole report: Σ BalanceCalculator over every affiliate in the database, and the SQL recount
        assertEquals(sumOfCalculatedBalances(), totals(after));
        assertEquals(recount(), totals(after));
        assertEquals(0, db.count(RECOUNT + """
                SELECT count(*) FROM b FULL JOIN ledger_totals t ON t.affiliate_id = b.a
                 WHERE (COALESCE(t.pending, 0), COALESCE(t.earned - t.clawbacks - t.reserved - t.paid_out, 0),
                        COALESCE(t.reserved, 0), COALESCE(t.paid_out, 0))
                       IS DISTINCT FROM (COALESCE(b.p, 0), COALESCE(b.av, 0), COALESCE(b.r, 0), COALESCE(b.d, 0))"""),
                "the rollup equals the rows for every affiliate");
        assertQueuesMatchTheRows(report());
    }

    @Test
    void paidThisMonthCountsTheJakartaCalendarMonth() {
        Affiliate e = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(e.affiliateId(), 1_000_000);
        YearMonth month = YearMonth.now(JAKARTA);
        Instant start = month.atDay(1).atStartOfDay(JAKARTA).toInstant();
        Instant next = month.plusMonths(1).atDay(1).atStartOfDay(JAKARTA).toInstant();
        // amount -> when it was paid: the last microsecond of last month (Jakarta), the first one of this month (still
        // last month in UTC), the last one of this month, the first one of next month (still this month in UTC)
        Map<Long, Instant> paidAt = new LinkedHashMap<>();
        paidAt.put(100_000L, start.minus(1, ChronoUnit.MICROS));
        paidAt.put(110_000L, start);
        paidAt.put(130_000L, next.minus(1, ChronoUnit.MICROS));
        paidAt.put(120_000L, next);
        JsonPath before = report();
        for (Map.Entry<Long, Instant> p : paidAt.entrySet()) {
            String id = Fixtures.requestPayout(e, p.getKey(), null).then().statusCode(201).extract().path("id");
            Fixtures.approve(id);
            Fixtures.markPaid(id, "TRX-MONTH-" + p.getKey()).then().statusCode(200);
            db.exec("UPDATE payout SET paid_at = ? WHERE id = ?", Timestamp.from(p.getValue()), UUID.fromString(id));
        }
        JsonPath after = report();
        assertEquals(110_000 + 130_000, after.getLong("paidThisMonth") - before.getLong("paidThisMonth"));
        assertEquals(460_000, after.getLong("paidOut") - before.getLong("paidOut"));
        assertEquals(month.toString(), after.getString("month"));
        assertEquals(db.count("SELECT COALESCE(SUM(amount), 0) FROM payout WHERE status = 'PAID'"
                        + " AND paid_at >= date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta') AT TIME ZONE 'Asia/Jakarta'"
                        + " AND paid_at < (date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta') + interval '1 month')"
                        + " AT TIME ZONE 'Asia/Jakarta'"),
                after.getLong("paidThisMonth"));
    }

    @Test
    void theCsvHasTheJsonsNumbers() {
        Affiliate pendingOnly = Fixtures.approvedAffiliate();
        Fixtures.created(pendingOnly.affiliateId(), UUID.randomUUID(), 70_000).then().statusCode(200);
        Affiliate debtor = Fixtures.approvedAffiliate();
        UUID c = Fixtures.availableCommission(debtor.affiliateId(), 100_000);
        Fixtures.clawback(debtor.affiliateId(), c, 150_000).then().statusCode(200); // more than was earned: -50 000

        JsonPath json = report();
        String byParam = csv(given().auth().oauth2(ADMIN).queryParam("format", "csv"));
        String byAccept = csv(given().auth().oauth2(ADMIN).accept("text/csv"));
        assertEquals(byParam, byAccept);
        assertTrue(byParam.startsWith("affiliate_id,pending,available,reserved,paid_out\r\n"), byParam);
        assertTrue(byParam.contains("\r\n" + debtor.affiliateId() + ",0,-50000,0,0\r\n"),
                "a negative number stays a number (no formula guard)");

        Map<String, List<String>> lines = csvLines(byParam);
        List<String> total = lines.remove("TOTAL");
        List<String> negative = lines.remove("NEGATIVE");
        assertEquals(List.of(json.getLong("pending"), json.getLong("available"), json.getLong("reserved"),
                json.getLong("paidOut")), numbers(total));
        assertEquals(List.of(0L, json.getLong("negativeTotal"), 0L, 0L), numbers(negative));
        assertEquals(json.getInt("affiliates"), lines.size());

        long pending = 0, positive = 0, debts = 0, reserved = 0, paidOut = 0;
        Map<UUID, Long> negatives = new HashMap<>();
        for (Map.Entry<String, List<String>> line : lines.entrySet()) {
            List<Long> n = numbers(line.getValue());
            assertFalse(n.stream().allMatch(v -> v == 0), "only affiliates with a non-zero balance");
            pending += n.get(0);
            reserved += n.get(2);
            paidOut += n.get(3);
            if (n.get(1) < 0) {
                debts += n.get(1);
                negatives.put(UUID.fromString(line.getKey()), n.get(1));
            } else {
                positive += n.get(1);
            }
        }
        assertEquals(List.of(json.getLong("pending"), json.getLong("available"), json.getLong("negativeTotal"),
                json.getLong("reserved"), json.getLong("paidOut")), List.of(pending, positive, debts, reserved, paidOut));
        assertEquals(negativeBalances(json), negatives);
        assertEquals(-50_000L, negatives.get(debtor.affiliateId()));
        assertEquals(List.of(70_000L, 0L, 0L, 0L), numbers(lines.get(pendingOnly.affiliateId().toString())));
    }

    @Test
    void onlyAdminsSeeIt() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().queryParam("format", "csv").get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get(PATH).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).queryParam("format", "csv").get(PATH).then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void hostileParametersAre400ProblemJson() {
        for (String format : List.of("xml", "CSV", "csv\u0000", "'; DROP TABLE payout; --", "x".repeat(1000))) {
            given().auth().oauth2(ADMIN).queryParam("format", format).get(PATH).then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400))
                    .body("errors.field", hasItem("format"));
        }
        assertEquals(1, db.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'payout' AND tablename = 'payout'"));
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static JsonPath report() {
        return given().auth().oauth2(ADMIN).get(PATH).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();
    }

    private static String csv(io.restassured.specification.RequestSpecification request) {
        return request.get(PATH).then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"liabilities-"))
                .extract().asString();
    }

    /** Lines after the header, by their first field. */
    private static Map<String, List<String>> csvLines(String csv) {
        String[] rows = csv.split("\r\n");
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (int i = 1; i < rows.length; i++) {
            List<String> fields = List.of(rows[i].split(",", -1));
            assertEquals(5, fields.size(), rows[i]);
            assertNull(lines.put(fields.get(0), fields.subList(1, 5)), "one line per affiliate");
        }
        return lines;
    }

    private static List<Long> numbers(List<String> fields) {
        return fields.stream().map(Long::parseLong).toList();
    }

    private static Map<UUID, Long> negativeBalances(JsonPath report) {
        Map<UUID, Long> negatives = new HashMap<>();
        List<Map<String, Object>> items = report.getList("negativeBalances");
        for (Map<String, Object> item : items) {
            long amount = ((Number) item.get("amount")).longValue();
            assertTrue(amount < 0, "only negative balances: " + item);
            assertNull(negatives.put(UUID.fromString((String) item.get("affiliateId")), amount));
        }
        return negatives;
    }

    /** [0, pending, available, reserved, paidOut] as GET /api/affiliate/balance shows them. */
    private static List<Long> balanceOf(Affiliate a) {
        JsonPath b = given().auth().oauth2(a.token()).get("/api/affiliate/balance").then().statusCode(200)
                .extract().jsonPath();
        return List.of(0L, b.getLong("pending"), b.getLong("available"), b.getLong("reserved"), b.getLong("paidOut"));
    }

    /** [pending, available (positive only), negativeTotal, reserved, paidOut, negatives count]. */
    private static List<Long> totals(JsonPath report) {
        return List.of(report.getLong("pending"), report.getLong("available"), report.getLong("negativeTotal"),
                report.getLong("reserved"), report.getLong("paidOut"), (long) report.getList("negativeBalances").size());
    }

    private List<Long> sumOfCalculatedBalances() {
        long pending = 0, positive = 0, debts = 0, reserved = 0, paidOut = 0, negatives = 0;
        for (List<Object> row : db.rows("SELECT affiliate_id FROM ledger_commission UNION SELECT affiliate_id FROM payout")) {
            Balance b = calculator.balanceOf((UUID) row.get(0));
            pending += b.pending();
            reserved += b.reserved();
            paidOut += b.paidOut();
            if (b.available() < 0) {
                debts += b.available();
                negatives++;
            } else {
                positive += b.available();
            }
        }
        return List.of(pending, positive, debts, reserved, paidOut, negatives);
    }

    private List<Long> recount() {
        List<Object> row = db.rows(RECOUNT + """
                SELECT COALESCE(SUM(p), 0), COALESCE(SUM(GREATEST(av, 0)), 0), COALESCE(SUM(LEAST(av, 0)), 0),
                       COALESCE(SUM(r), 0), COALESCE(SUM(d), 0), count(*) FILTER (WHERE av < 0) FROM b""").get(0);
        return row.stream().map(v -> ((Number) v).longValue()).toList();
    }

    private void assertQueuesMatchTheRows(JsonPath report) {
        List<Object> requested = db.rows("SELECT count(*), COALESCE(SUM(amount), 0), MIN(requested_at) FROM payout"
                + " WHERE status = 'REQUESTED'").get(0);
        List<Object> approved = db.rows("SELECT count(*), COALESCE(SUM(amount), 0), MIN(approved_at) FROM payout"
                + " WHERE status = 'APPROVED'").get(0);
        assertEquals(((Number) requested.get(0)).longValue(), report.getLong("payoutsAwaitingApproval.count"));
        assertEquals(((Number) requested.get(1)).longValue(), report.getLong("payoutsAwaitingApproval.amount"));
        assertEquals(((Timestamp) requested.get(2)).toInstant(),
                Instant.parse(report.getString("payoutsAwaitingApproval.oldestAt")));
        assertEquals(((Number) approved.get(0)).longValue(), report.getLong("payoutsAwaitingTransfer.count"));
        assertEquals(((Number) approved.get(1)).longValue(), report.getLong("payoutsAwaitingTransfer.amount"));
        assertEquals(((Timestamp) approved.get(2)).toInstant(),
                Instant.parse(report.getString("payoutsAwaitingTransfer.oldestAt")));
    }
}
