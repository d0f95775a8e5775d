package id.qutab.affiliate.reports;

import id.qutab.affiliate.clicks.Click;
import id.qutab.affiliate.clicks.ClickBatchWriter;
import id.qutab.affiliate.clicks.ClickIds;
import id.qutab.affiliate.commissions.CommissionMaturation;
import id.qutab.affiliate.stats.DailyStatsAggregation;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The admin's affiliate report against a recount from the raw rows (clicks, leads, commissions, clawbacks,
 * applications), before the stats-aggregation job ran, after it ran, after it ran twice, and after a late change to
 * a rolled-up day; its CSV; who may read it; hostile parameters.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AffiliateReportTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORT = "/api/admin/reports/affiliates";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Per Jakarta day, from the raw rows only (never daily_stats or report_day), the report's definitions. */
    private static final String RECOUNT = """
            SELECT g::date,
              (SELECT count(*) FROM click WHERE NOT bot AND (clicked_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM click WHERE unique_visit AND (clicked_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM lead WHERE (order_created_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM commission WHERE voided_at IS NULL AND clawback_at IS NULL
                 AND (paid_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT coalesce(sum(amount), 0) FROM commission WHERE voided_at IS NULL AND clawback_at IS NULL
                 AND (paid_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT coalesce(sum(amount), 0) FROM commission WHERE (created_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT coalesce(sum(amount), 0) FROM commission WHERE (available_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT coalesce(sum(amount), 0) FROM commission WHERE (voided_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT coalesce(sum(amount), 0) FROM commission_clawback WHERE (created_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM commission WHERE (created_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM commission WHERE (available_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM commission WHERE (voided_at AT TIME ZONE 'Asia/Jakarta')::date = g::date),
              (SELECT count(*) FROM commission_clawback WHERE (created_at AT TIME ZONE 'Asia/Jakarta')::date = g::date)
            FROM generate_series(CAST(? AS date), CAST(? AS date), interval '1 day') g ORDER BY 1""";

    private static final String RECOUNT_TOP = """
            SELECT affiliate_id::text, count(*), sum(amount) FROM commission
            WHERE voided_at IS NULL AND clawback_at IS NULL
              AND (paid_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN CAST(? AS date) AND CAST(? AS date)
            GROUP BY affiliate_id ORDER BY sum(amount) DESC, count(*) DESC, affiliate_id LIMIT 10""";

    @Inject
    TestDb db;

    @Inject
    ClickBatchWriter clicks;

    @Inject
    DailyStatsAggregation aggregation;

    @Inject
    CommissionMaturation maturation;

    /** One order's events, as commerce's relay delivers them. */
    private static final class Order {
        final UUID id = UUID.randomUUID();
        final UUID buyer = UUID.randomUUID();
        final Attribution attribution;

        Order(String code) {
            attribution = Attribution.link(code);
        }

        void created() {
            Events.deliverApplied(Event.of("commerce.order.created", id, Instant.now(),
                    Orders.created(id, "QTB-" + id.toString().substring(0, 8), buyer, null, 3_000_000, attribution)));
        }

        void paid(Instant at, long price) {
            Events.deliverApplied(Event.of("commerce.order.paid", id, at,
                    Orders.paid(id, buyer, List.of(Line.of("kambing", 1, price)), 0, at, attribution)));
        }

        void completed() {
            Events.deliverApplied(Event.of("commerce.order.completed", id, Instant.now(),
                    Orders.completed(id, Instant.now())));
        }

        void closed(String type, Instant at) {
            Events.deliverApplied(Event.of("commerce.order." + type, id, at, Orders.closed(id, "Alasan uji", at)));
        }
    }

    private static Instant wib(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(Jakarta.ZONE).toInstant();
    }

    private void click(UUID affiliate, String code, Instant at, byte[] visitor, boolean bot) {
        clicks.write(List.of(new Click(ClickIds.next(), affiliate, code, at, visitor, bot, null)));
    }

    private static byte[] visitor() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        return hash;
    }

    private static JsonPath report(LocalDate from, LocalDate to) {
        return given().auth().oauth2(Affiliates.admin()).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get(REPORT).then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    /** The report's periods as rows in the recount's column order. */
    private static List<List<Object>> periods(JsonPath report) {
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, Object> p : report.<Map<String, Object>>getList("periods")) {
            List<Object> row = new ArrayList<>();
            row.add(p.get("date"));
            for (String f : List.of("clicks", "uniqueClicks", "leads", "conversions", "commissions",
                    "commissionsCreated", "commissionsMatured", "commissionsVoided", "clawbacks",
                    "commissionsCreatedCount", "commissionsMaturedCount", "commissionsVoidedCount", "clawbacksCount")) {
                row.add(((Number) p.get(f)).longValue());
            }
            rows.add(row);
        }
        return rows;
    }

    private List<List<Object>> recount(LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : db.rows(RECOUNT, from, to)) {
            List<Object> row = new ArrayList<>();
            row.add(r.get(0).toString());
            for (int i = 1; i < r.size(); i++) {
                row.add(((Number) r.get(i)).longValue());
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every number of the report equals the recount from the rows. */
    private void assertReportEqualsRecount(LocalDate from, LocalDate to, String when) {
        JsonPath report = report(from, to);
        List<List<Object>> expected = recount(from, to);
        assertEquals(expected, periods(report), when + ": periods");
        long[] sum = new long[14];
        for (List<Object> row : expected) {
            for (int i = 1; i < row.size(); i++) {
                sum[i] += (Long) row.get(i);
            }
        }
        assertEquals(sum[1], report.getLong("totals.clicks"), when);
        assertEquals(sum[2], report.getLong("totals.uniqueClicks"), when);
        assertEquals(sum[3], report.getLong("totals.leads"), when);
        assertEquals(sum[4], report.getLong("totals.conversions"), when);
        assertEquals(sum[5], report.getLong("totals.commissions"), when);
        assertEquals(sum[6], report.getLong("totals.commissionsCreated"), when);
        assertEquals(sum[7], report.getLong("totals.commissionsMatured"), when);
        assertEquals(sum[8], report.getLong("totals.commissionsVoided"), when);
        assertEquals(sum[9], report.getLong("totals.clawbacks"), when);
        assertEquals(sum[10], report.getLong("totals.commissionsCreatedCount"), when);
        assertEquals(sum[13], report.getLong("totals.clawbacksCount"), when);
        double rate = sum[1] == 0 ? 0 : Math.round(sum[4] * 10000.0 / sum[1]) / 100.0;
        assertEquals(rate, report.getDouble("totals.conversionRate"), 1e-9, when + ": conversionRate");

        List<List<Object>> top = new ArrayList<>();
        for (List<Object> r : db.rows(RECOUNT_TOP, from, to)) {
            top.add(List.of(r.get(0), ((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue()));
        }
        List<List<Object>> reportedTop = new ArrayList<>();
        for (Map<String, Object> t : report.<Map<String, Object>>getList("topAffiliates")) {
            reportedTop.add(List.of(t.get("affiliateId"), ((Number) t.get("conversions")).longValue(),
                    ((Number) t.get("commissions")).longValue()));
        }
        assertEquals(top, reportedTop, when + ": topAffiliates");

        List<Object> pending = db.rows("SELECT count(*), min(applied_at) FROM affiliate WHERE status = 'PENDING'").get(0);
        assertEquals(((Number) pending.get(0)).longValue(), report.getLong("pendingApplications"), when);
        Instant oldest = report.getString("oldestApplicationAt") == null ? null
                : Instant.parse(report.getString("oldestApplicationAt"));
        Instant expectedOldest = pending.get(1) == null ? null : ((java.sql.Timestamp) pending.get(1)).toInstant();
        assertEquals(expectedOldest == null ? null : expectedOldest.toEpochMilli(),
                oldest == null ? null : oldest.toEpochMilli(), when + ": oldestApplicationAt");
    }

    private static void runStatsJob() {
        given().auth().oauth2(Affiliates.admin()).post("/api/admin/jobs/stats-aggregation/run").then().statusCode(200);
    }

    @Test
    void theReportEqualsARecountFromTheRowsWhetherOrNotTheAggregationRan() {
        LocalDate today = Jakarta.today();
        LocalDate from = today.minusDays(45);
        // Other tests write daily_stats by hand (drift on purpose): repair the range, then start with no roll-up.
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            aggregation.rebuild(d);
        }
        db.exec("DELETE FROM report_day");
        List<List<Object>> before = periods(report(from, today));

        Affiliates.Made a = Affiliates.approved("Lapor", "Satu");
        Affiliates.Made b = Affiliates.approved("Lapor", "Dua");
        Affiliates.applyAs(UUID.randomUUID(), "Tunggu", "Tinjau");

        // clicks: 23:30 WIB is 16:30 UTC of the same date; 00:30 WIB is 17:30 UTC of the date before
        LocalDate fiveAgo = today.minusDays(5);
        byte[] same = visitor();
        click(a.id(), a.code(), wib(fiveAgo, 23, 30), same, false);          // unique
        click(a.id(), a.code(), wib(fiveAgo, 23, 45), same, false);          // same visitor within 24 h: raw only
        click(a.id(), a.code(), wib(fiveAgo.plusDays(1), 0, 30), visitor(), false);
        click(b.id(), b.code(), wib(today.minusDays(20), 9, 0), visitor(), true); // a bot: neither
        click(b.id(), b.code(), Instant.now().minusSeconds(60), visitor(), false);

        // commissions in every state
        Order created = new Order(a.code());                     // PENDING, paid 3 days ago (kambing 5 %)
        created.created();
        created.paid(wib(today.minusDays(3), 10, 0), 4_000_000);
        Order matured = new Order(a.code());                     // AVAILABLE: paid 40 days ago, completed, matured now
        matured.created();
        matured.paid(wib(today.minusDays(40), 8, 0), 2_000_000);
        matured.completed();
        Order voided = new Order(b.code());                      // VOIDED: paid 2 days ago, cancelled yesterday
        voided.created();
        voided.paid(wib(today.minusDays(2), 12, 0), 6_000_000);
        voided.closed("cancelled", wib(today.minusDays(1), 9, 0));
        Order clawedBack = new Order(b.code());                  // PAID out, then refunded: a clawback
        clawedBack.created();
        clawedBack.paid(wib(today.minusDays(35), 15, 0), 8_000_000);
        clawedBack.completed();
        Order leadOnly = new Order(a.code());                    // a lead that was never paid
        leadOnly.created();
        maturation.run(30);
        UUID payout = UUID.randomUUID();
        Instant paidOut = Instant.now();
        Events.deliverApplied(Event.of("payout.payout.paid", payout, paidOut, Orders.payoutPaid(payout, b.id(), 400_000,
                paidOut, id.qutab.affiliate.commissions.Commission.idFor(clawedBack.id))));
        clawedBack.closed("refunded", Instant.now());
        assertEquals(List.of(List.of("AVAILABLE"), List.of("PAID"), List.of("PENDING"), List.of("VOIDED")), db.rows(
                "SELECT status FROM commission WHERE order_id IN (?, ?, ?, ?) ORDER BY status",
                created.id, matured.id, voided.id, clawedBack.id));
        assertEquals(1, db.count("SELECT count(*) FROM commission_clawback WHERE order_id = ?", clawedBack.id));

        // the clicks landed on their Jakarta days, whatever the UTC date
        List<List<Object>> after = periods(report(from, today));
        Map<Object, Long> added = new HashMap<>();
        for (int i = 0; i < after.size(); i++) {
            long delta = (Long) after.get(i).get(1) - (Long) before.get(i).get(1);
            if (delta != 0) {
                added.put(after.get(i).get(0), delta);
            }
        }
        assertEquals(Map.of(fiveAgo.toString(), 2L, fiveAgo.plusDays(1).toString(), 1L, today.toString(), 1L), added);

        assertEquals(0, db.count("SELECT count(*) FROM report_day"));
        assertReportEqualsRecount(from, today, "before the job (all live)");
        runStatsJob();
        // every closed day from the first with data (the matured commission, paid 40 days ago) is rolled up
        assertEquals(40, db.count("SELECT count(*) FROM report_day WHERE day BETWEEN ? AND ?", today.minusDays(40),
                today.minusDays(1)), "every closed day rolled up");
        assertEquals(0, db.count("SELECT count(*) FROM report_day WHERE day >= ?", today));
        assertReportEqualsRecount(from, today, "after the job");
        String rolled = db.rows("SELECT string_agg(day::text || clicks || commission || rolled_up_at, ',' ORDER BY day)"
                + " FROM report_day").get(0).get(0).toString();
        runStatsJob();
        assertEquals(rolled, db.rows("SELECT string_agg(day::text || clicks || commission || rolled_up_at, ','"
                + " ORDER BY day) FROM report_day").get(0).get(0).toString(), "a second run changes nothing");
        assertReportEqualsRecount(from, today, "after the job ran twice");

        // a late change to rolled-up days: refunded today, the order paid 3 days ago, closed (voided_at) 4 days ago
        created.closed("refunded", wib(today.minusDays(4), 11, 0));
        assertEquals(0, db.count("SELECT count(*) FROM report_day WHERE day IN (?, ?)", today.minusDays(3),
                today.minusDays(4)), "the roll-ups of both days are forgotten");
        assertReportEqualsRecount(from, today, "after a late void");
        runStatsJob();
        assertEquals(2, db.count("SELECT count(*) FROM report_day WHERE day IN (?, ?)", today.minusDays(3),
                today.minusDays(4)));
        assertReportEqualsRecount(from, today, "after the job rolled the changed days up again");

        // a click batch flushed late onto a rolled-up day (the daily_stats trigger, through the upsert)
        LocalDate tenAgo = today.minusDays(10);
        assertEquals(1, db.count("SELECT count(*) FROM report_day WHERE day = ?", tenAgo));
        click(a.id(), a.code(), wib(tenAgo, 21, 0), visitor(), false);
        assertEquals(0, db.count("SELECT count(*) FROM report_day WHERE day = ?", tenAgo));
        assertReportEqualsRecount(from, today, "after a late click");
        runStatsJob();
        assertReportEqualsRecount(from, today, "after the job rolled the late click's day up");
    }

    @Test
    void theCsvHasTheSameNumbersAsTheJson() {
        LocalDate to = Jakarta.today();
        LocalDate from = to.minusDays(40);
        List<List<Object>> json = periods(report(from, to));
        for (var request : List.of(
                given().auth().oauth2(Affiliates.admin()).queryParam("format", "csv"),
                given().auth().oauth2(Affiliates.admin()).accept("text/csv"))) {
            String csv = request.queryParam("from", from.toString()).queryParam("to", to.toString()).get(REPORT)
                    .then().statusCode(200).contentType(startsWith("text/csv"))
                    .header("Content-Disposition", containsString("affiliates-" + from + "-" + to + ".csv"))
                    .extract().asString();
            String[] lines = csv.split("\r\n");
            assertEquals(String.join(",", AffiliateReportResource.CSV_HEADER), lines[0]);
            assertEquals(json.size(), lines.length - 1, "one line per day");
            for (int i = 0; i < json.size(); i++) {
                List<Object> row = new ArrayList<>();
                String[] fields = lines[i + 1].split(",");
                row.add(fields[0]);
                for (int f = 1; f < fields.length; f++) {
                    row.add(Long.parseLong(fields[f]));
                }
                assertEquals(json.get(i), row);
            }
        }
    }

    @Test
    void defaultsToTheLast30DaysEveryDayListed() {
        JsonPath report = given().auth().oauth2(Affiliates.admin()).get(REPORT).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Jakarta.today().toString(), report.getString("to"));
        assertEquals(Jakarta.today().minusDays(29).toString(), report.getString("from"));
        assertEquals(30, report.getList("periods").size());
        assertEquals(Jakarta.today().minusDays(29).toString(), report.getString("periods[0].date"));
    }

    @Test
    void onlyAdminsMayReadIt() {
        given().get(REPORT).then().statusCode(401);
        given().auth().oauth2("not-a-token").get(REPORT).then().statusCode(401);
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get(REPORT).then().statusCode(403)
                .body(not(containsString("periods")));
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).queryParam("format", "csv").get(REPORT).then()
                .statusCode(403);
    }

    @Test
    void hostileParametersAreA400Problem() {
        Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
        cases.put("from", Map.of("from", "yesterday"));
        cases.put("to", Map.of("to", "2026-02-30"));
        cases.put("from ", Map.of("from", "2026-13-01"));
        cases.put(" from", Map.of("from", "' OR 1=1 --"));
        cases.put("from  ", Map.of("from", "1999-12-31"));
        cases.put("from   ", Map.of("from", "+999999999-01-01"));
        cases.put("to ", Map.of("to", "9".repeat(1000)));
        cases.put("from    ", Map.of("from", "2026-11-10", "to", "2026-11-01"));
        cases.put("to  ", Map.of("from", "2025-01-01", "to", "2026-01-02"));
        cases.put("format", Map.of("format", "xml"));
        cases.forEach((field, params) -> given().auth().oauth2(Affiliates.admin()).queryParams(params).get(REPORT)
                .then().statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("errors[0].field", equalTo(field.trim())).body(not(containsString("Exception"))));
        // asked for as CSV, an error is still a problem document
        given().auth().oauth2(Affiliates.admin()).accept("text/csv").queryParam("from", "2026-02-30").get(REPORT)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(Affiliates.admin()).queryParam("from", "2025-01-01").queryParam("to", "2025-12-31")
                .get(REPORT).then().statusCode(200);
    }
}
