package id.qutab.commerce.reports;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.reports.DayRange;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.names;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sales report equals a recount from the rows (orders, refunds, lines), on Jakarta days, before and after the
 * rollup job, and its periods, CSV, security and input checks.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class SalesReportTest {

    @Inject
    TestDb db;

    UUID me;
    UUID sapi;
    UUID kambing;
    UUID domba;

    @BeforeEach
    void world() {
        // Each test writes orders into past days; it starts from an empty rollup so that those days are live
        // until its own job run (production never writes into a closed day: see SalesRollup).
        db.exec("DELETE FROM sales_daily");
        db.exec("DELETE FROM sales_daily_product");
        db.exec("UPDATE sales_rollup_state SET rolled_through = NULL");
        me = customer();
        sapi = product("sapi", 21_000_000, 1000);
        kambing = product("kambing", 3_100_000, 1000);
        domba = product("domba", 2_600_000, 1000);
    }

    static Instant wib(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(DayRange.JAKARTA).toInstant();
    }

    UUID paidOrder(Map<String, Object> body) {
        UUID id = placed(me, body);
        Pay.paid(me, id);
        return id;
    }

    void placedAt(UUID id, Instant at) {
        db.exec("UPDATE customer_order SET created_at = ?, payment_due_at = ? WHERE id = ?", at,
                at.plus(Duration.ofHours(24)), id);
    }

    void paidAt(UUID id, Instant at) {
        db.exec("UPDATE customer_order SET paid_at = ? WHERE id = ?", at, id);
    }

    void closedAt(UUID id, Instant at) {
        db.exec("UPDATE customer_order SET closed_at = ? WHERE id = ?", at, id);
        db.exec("UPDATE refund SET created_at = ? WHERE order_id = ?", at, id);
    }

    void refund(UUID id) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "hewan sakit")).post("/api/admin/orders/" + id + "/refund")
                .then().statusCode(200).body("status", equalTo("REFUNDED"));
    }

    long total(UUID id) {
        return db.count("SELECT total FROM customer_order WHERE id = ?", id);
    }

    static Response sales(String query) {
        return asAdmin().get("/api/admin/reports/sales?" + query);
    }

    static long n(Object value) {
        return ((Number) value).longValue();
    }

    /** Every period and the totals of the report equal the recount; the categories add up to netPaid exactly. */
    static void assertEqualsRecount(Response report, Map<LocalDate, long[]> expectedPeriods, long[] expectedTotal) {
        List<Map<String, Object>> periods = report.jsonPath().getList("periods");
        assertEquals(new ArrayList<>(expectedPeriods.keySet()).stream().map(LocalDate::toString).toList(),
                periods.stream().map(p -> (String) p.get("start")).toList(), "periods, zero-filled, in order");
        for (Map<String, Object> p : periods) {
            long[] want = expectedPeriods.get(LocalDate.parse((String) p.get("start")));
            @SuppressWarnings("unchecked")
            Map<String, Object> cat = (Map<String, Object>) p.get("byCategory");
            for (int i = 0; i < 9; i++) {
                assertEquals(want[i], n(p.get(Recount.FIELDS.get(i))), p.get("start") + " " + Recount.FIELDS.get(i));
            }
            for (int i = 9; i < 12; i++) {
                assertEquals(want[i], n(cat.get(Recount.FIELDS.get(i))), p.get("start") + " " + Recount.FIELDS.get(i));
            }
            assertEquals(n(p.get("netPaid")), n(cat.get("sapi")) + n(cat.get("kambing")) + n(cat.get("domba")),
                    "the category split adds up to netPaid");
        }
        Map<String, Object> totals = report.jsonPath().getMap("totals");
        for (int i = 0; i < 9; i++) {
            assertEquals(expectedTotal[i], n(totals.get(Recount.FIELDS.get(i))), "totals " + Recount.FIELDS.get(i));
        }
    }

    void assertTopProductsRecount(Response report, LocalDate from, LocalDate to) {
        List<Map<String, Object>> top = report.jsonPath().getList("topProducts");
        List<List<Object>> want = Recount.topProducts(db, from, to);
        assertEquals(want.size(), top.size(), "top products");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i).get(0).toString(), top.get(i).get("productId"), "top product " + i);
            assertEquals(n(want.get(i).get(1)), n(top.get(i).get("quantity")), "quantity of top product " + i);
            assertEquals(n(want.get(i).get(2)), n(top.get(i).get("netPaid")), "netPaid of top product " + i);
        }
    }

    @Test
    void dailyReportEqualsTheRecountBeforeAndAfterTheRollupAndALateRefundLeavesClosedDaysAlone() {
        LocalDate today = DayRange.today();
        LocalDate b = today.minusDays(20);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 100_001)));
        // O1: sapi + 2 kambing with a coupon, placed 23:30 WIB on B (16:30 UTC), paid 23:45 WIB
        UUID o1 = paidOrder(with(order(item(sapi, 1, names(3, "Keluarga").toArray(String[]::new)), item(kambing, 2)),
                "couponCode", code));
        placedAt(o1, wib(b, 23, 30));
        paidAt(o1, wib(b, 23, 45));
        // O2: domba placed 00:30 WIB on B+1 = 17:30 UTC on B: a Jakarta B+1 sale
        UUID o2 = paidOrder(order(item(domba, 1)));
        placedAt(o2, wib(b.plusDays(1), 0, 30));
        paidAt(o2, wib(b.plusDays(1), 0, 40));
        // O3: kambing paid on B+1, refunded on B+3
        UUID o3 = paidOrder(order(item(kambing, 1)));
        placedAt(o3, wib(b.plusDays(1), 10, 0));
        paidAt(o3, wib(b.plusDays(1), 10, 5));
        refund(o3);
        closedAt(o3, wib(b.plusDays(3), 9, 0));
        // O4: cancelled on B+2
        UUID o4 = placed(me, order(item(sapi, 1)));
        as(me).post("/api/orders/" + o4 + "/cancel").then().statusCode(200);
        placedAt(o4, wib(b.plusDays(2), 8, 0));
        closedAt(o4, wib(b.plusDays(2), 9, 0));
        // O5: expired by the job, on B+3
        UUID o5 = placed(me, order(item(domba, 2)));
        db.exec("UPDATE customer_order SET payment_due_at = now() - interval '1 minute' WHERE id = ?", o5);
        asAdmin().post("/api/admin/jobs/payment-expiry/run").then().statusCode(200);
        assertEquals("EXPIRED", db.one("SELECT status FROM customer_order WHERE id = ?", o5));
        placedAt(o5, wib(b.plusDays(2), 12, 0));
        closedAt(o5, wib(b.plusDays(3), 12, 0));
        // O7: paid before the range (B-5), refunded inside it (B+2): a negative on B+2
        UUID o7 = paidOrder(order(item(sapi, 2)));
        placedAt(o7, wib(b.minusDays(5), 9, 0));
        paidAt(o7, wib(b.minusDays(5), 9, 0));
        refund(o7);
        closedAt(o7, wib(b.plusDays(2), 15, 0));
        // O8: placed on B+4, never paid; O6: today, stays live
        UUID o8 = placed(me, order(item(kambing, 1)));
        placedAt(o8, wib(b.plusDays(4), 7, 0));
        paidOrder(order(item(kambing, 1)));

        String range = "from=" + b + "&to=" + today + "&groupBy=day";
        Response before = sales(range);
        before.then().statusCode(200).body("from", equalTo(b.toString())).body("to", equalTo(today.toString()))
                .body("groupBy", equalTo("day"));
        Map<LocalDate, long[]> days = Recount.days(db, b, today);
        assertEqualsRecount(before, days, Recount.total(days));
        assertTopProductsRecount(before, b, today);
        // The recount is not vacuous: the Jakarta day, not the UTC day, and each event on its own day.
        assertEquals(1, days.get(b)[0], "O1 on B; O2 (17:30 UTC on B) is not");
        assertEquals(2, days.get(b.plusDays(1))[0]);
        assertEquals(2, days.get(b.plusDays(1))[1]);
        assertEquals(1, days.get(b.plusDays(2))[2]);
        assertEquals(1, days.get(b.plusDays(2))[4]);
        assertEquals(-total(o7), days.get(b.plusDays(2))[8]);
        assertEquals(1, days.get(b.plusDays(3))[3]);
        assertEquals(1, days.get(b.plusDays(3))[4]);
        assertEquals(total(o1), days.get(b)[8]);
        assertEquals(100_001, days.get(b)[6]);
        assertTrue(days.get(b)[9] > 0 && days.get(b)[10] > 0, "O1 split over sapi and kambing");

        // The job rolls up the closed days; the report is the same, and a second run changes nothing.
        LocalDate lastClosed = LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(2)), DayRange.JAKARTA).minusDays(1);
        asAdmin().post("/api/admin/jobs/sales-rollup/run").then().statusCode(200)
                .body("job", equalTo("sales-rollup")).body("rolledThrough", equalTo(lastClosed.toString()));
        assertTrue(db.count("SELECT count(*) FROM sales_daily WHERE day BETWEEN ? AND ?", b, b.plusDays(4)) == 5,
                "B..B+4 are in the rollup");
        Response after = sales(range);
        assertEqualsRecount(after, days, Recount.total(days));
        assertEquals(before.asString(), after.asString(), "the rollup answers what the live query answered");
        asAdmin().post("/api/admin/jobs/sales-rollup/run").then().statusCode(200).body("processed", equalTo(0))
                .body("rolledThrough", equalTo(lastClosed.toString()));
        assertEquals(before.asString(), sales(range).asString());

        // A late refund of O1 (paid on the closed day B) is counted today: B stays as it was.
        refund(o1);
        Response late = sales(range);
        Map<LocalDate, long[]> now = Recount.days(db, b, today);
        assertEqualsRecount(late, now, Recount.total(now));
        assertTopProductsRecount(late, b, today);
        assertEquals(days.get(b)[8], now.get(b)[8], "closed day B unchanged");
        assertEquals(days.get(today)[8] - total(o1), now.get(today)[8], "the refund is on today's net");
    }

    @Test
    void weeksStartOnMondayAndMonthsOnTheFirstInJakarta() {
        // A month boundary some months back, and the week boundary around it (Sunday 23:30 / Monday 00:30 WIB).
        LocalDate first = DayRange.today().minusMonths(5).withDayOfMonth(1);
        LocalDate monday = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        UUID lastOfMonth = paidOrder(order(item(sapi, 1)));
        placedAt(lastOfMonth, wib(first.minusDays(1), 23, 30));
        paidAt(lastOfMonth, wib(first.minusDays(1), 23, 50));
        UUID firstOfMonth = paidOrder(order(item(kambing, 1)));
        placedAt(firstOfMonth, wib(first, 0, 30));   // 17:30 UTC the day before: still the new month
        paidAt(firstOfMonth, wib(first, 0, 35));
        UUID sunday = paidOrder(order(item(domba, 1)));
        placedAt(sunday, wib(monday.minusDays(1), 23, 30));
        paidAt(sunday, wib(monday.minusDays(1), 23, 31));
        UUID mondayOrder = paidOrder(order(item(domba, 3)));
        placedAt(mondayOrder, wib(monday, 0, 30));
        paidAt(mondayOrder, wib(monday, 0, 31));

        LocalDate from = first.minusDays(10);
        LocalDate to = first.plusDays(45);
        Map<LocalDate, long[]> days = Recount.days(db, from, to);
        for (int run = 0; run < 2; run++) {
            Response month = sales("from=" + from + "&to=" + to + "&groupBy=month");
            month.then().statusCode(200).body("groupBy", equalTo("month"));
            Map<LocalDate, long[]> months = Recount.periods(days, d -> d.withDayOfMonth(1));
            assertEqualsRecount(month, months, Recount.total(days));
            assertEquals(3, months.size());
            assertEquals(total(lastOfMonth), months.get(first.minusMonths(1))[9], "23:30 WIB on the last day: old month");
            assertEquals(0, months.get(first)[9]);
            assertEquals(total(firstOfMonth), months.get(first)[10], "00:30 WIB on the 1st (UTC: the day before): new month");
            assertEquals(0, months.get(first.minusMonths(1))[10]);

            Response week = sales("from=" + from + "&to=" + to + "&groupBy=week");
            Map<LocalDate, long[]> weeks = Recount.periods(days, d -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
            assertEqualsRecount(week, weeks, Recount.total(days));
            for (Map<String, Object> p : week.jsonPath().<Map<String, Object>>getList("periods")) {
                assertEquals(DayOfWeek.MONDAY, LocalDate.parse((String) p.get("start")).getDayOfWeek());
            }
            assertEquals(total(sunday), weeks.get(monday.minusWeeks(1))[11],
                    "Sunday 23:30 WIB is in the week before");
            assertEquals(total(mondayOrder), weeks.get(monday)[11], "Monday 00:30 WIB starts the new week");
            asAdmin().post("/api/admin/jobs/sales-rollup/run").then().statusCode(200);
        }
    }

    @Test
    void csvHasTheSameNumbersAsJson() {
        LocalDate today = DayRange.today();
        UUID o = paidOrder(order(item(sapi, 1), item(domba, 1)));
        placedAt(o, wib(today.minusDays(9), 10, 0));
        paidAt(o, wib(today.minusDays(9), 10, 0));
        String query = "from=" + today.minusDays(13) + "&to=" + today + "&groupBy=week";
        List<Map<String, Object>> periods = sales(query).then().statusCode(200).extract().jsonPath().getList("periods");
        String byParam = sales(query + "&format=csv").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename=\"sales-")).extract().asString();
        String byAccept = asAdmin().accept("text/csv").get("/api/admin/reports/sales?" + query).then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertEquals(byParam, byAccept);
        String[] lines = byParam.split("\r\n");
        assertEquals(String.join(",", ReportResource.SALES_COLUMNS), lines[0]);
        assertEquals(periods.size() + 1, lines.length);
        assertNotEquals(0, periods.stream().mapToLong(p -> n(p.get("netPaid"))).sum(), "not an empty report");
        for (int i = 0; i < periods.size(); i++) {
            Map<String, Object> p = periods.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> cat = (Map<String, Object>) p.get("byCategory");
            String[] f = lines[i + 1].split(",");
            assertEquals(p.get("start"), f[0]);
            for (int c = 1; c < ReportResource.SALES_COLUMNS.size(); c++) {
                String column = ReportResource.SALES_COLUMNS.get(c);
                Object json = p.containsKey(column) ? p.get(column) : cat.get(column);
                assertEquals(n(json), Long.parseLong(f[c]), "row " + i + " " + column);
            }
        }
    }

    @Test
    void onlyAdminsSeeTheReports() {
        for (String path : List.of("/api/admin/reports/sales", "/api/admin/reports/orders-pipeline",
                "/api/admin/reports/sales?format=csv")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).get(path).then().statusCode(403);
            given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get(path).then().statusCode(403);
            asAdmin().get(path).then().statusCode(200);
        }
    }

    @Test
    void hostileParametersAreProblems() {
        LocalDate today = DayRange.today();
        for (String query : List.of("from=2026-13-01", "from=2026-02-30", "from=abc", "to=20261101",
                "from=" + today + "&to=" + today.minusDays(1), "from=2020-01-01&to=2026-01-01",
                "from=1999-12-31", "groupBy=year", "groupBy=DAY", "format=xml", "from=%27%3B--",
                "from=" + "9".repeat(300), "to=+2026-01-01")) {
            sales(query).then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400));
        }
        asAdmin().get("/api/admin/reports/orders-pipeline?format=pdf").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().post("/api/admin/jobs/sales-rollup/run?day=yesterday").then().statusCode(400)
                .contentType("application/problem+json");
        // The limits themselves are fine: 731 days, and the defaults.
        sales("from=" + today.minusDays(730) + "&to=" + today + "&groupBy=month").then().statusCode(200);
        asAdmin().get("/api/admin/reports/sales").then().statusCode(200).body("periods.size()", equalTo(30)).body("to", equalTo(today.toString()));
    }
}
