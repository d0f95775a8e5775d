package id.qutab.commerce.reports;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pipeline report equals a recount of the orders by status, and lists the longest waiting paid orders first. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class PipelineReportTest {

    static final List<String> STATUSES = List.of("PENDING_PAYMENT", "PAID", "PROCESSING", "DISTRIBUTED", "COMPLETED",
            "CANCELLED", "EXPIRED", "REFUNDED");

    @Inject
    TestDb db;

    void assertEqualsRecount(Response report) {
        Map<String, long[]> want = new HashMap<>();
        STATUSES.forEach(s -> want.put(s, new long[2]));
        for (List<Object> r : db.rows("SELECT status, count(*), COALESCE(sum(total), 0) FROM customer_order GROUP BY status")) {
            want.put((String) r.get(0), new long[]{((Number) r.get(1)).longValue(), ((Number) r.get(2)).longValue()});
        }
        List<Map<String, Object>> statuses = report.jsonPath().getList("statuses");
        assertEquals(STATUSES, statuses.stream().map(s -> (String) s.get("status")).toList(), "every status, zero too");
        for (Map<String, Object> s : statuses) {
            long[] w = want.get((String) s.get("status"));
            assertEquals(w[0], ((Number) s.get("count")).longValue(), s.get("status") + " count");
            assertEquals(w[1], ((Number) s.get("value")).longValue(), s.get("status") + " value");
        }
        // oldestWaiting: the same as asking the orders directly, oldest first
        List<List<Object>> waiting = db.rows("""
                SELECT CAST(id AS text) FROM customer_order WHERE status IN ('PAID', 'PROCESSING', 'DISTRIBUTED')
                ORDER BY status_since, CAST(id AS text) LIMIT 10""");
        assertEquals(waiting.stream().map(r -> r.get(0)).toList(), report.jsonPath().getList("oldestWaiting.orderId"));
    }

    void progress(UUID id, String status) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", status)).post("/api/admin/orders/" + id + "/status")
                .then().statusCode(200);
    }

    @Test
    void countsEqualARecountAndTheLongestWaitingComeFirst() {
        UUID me = customer();
        UUID kambing = product("kambing", 3_000_000, 100);
        UUID[] paid = new UUID[4];
        for (int i = 0; i < paid.length; i++) {
            paid[i] = placed(me, order(item(kambing, 1)));
            Pay.paid(me, paid[i]);
        }
        progress(paid[1], "PROCESSING");
        progress(paid[2], "PROCESSING");
        progress(paid[2], "DISTRIBUTED");
        progress(paid[3], "PROCESSING");
        progress(paid[3], "DISTRIBUTED");
        progress(paid[3], "COMPLETED");
        UUID pending = placed(me, order(item(kambing, 2)));
        UUID cancelled = placed(me, order(item(kambing, 1)));
        as(me).post("/api/orders/" + cancelled + "/cancel").then().statusCode(200);

        Response first = asAdmin().get("/api/admin/reports/orders-pipeline");
        first.then().statusCode(200);
        assertEqualsRecount(first);

        // Waiting times: paid[2] has been DISTRIBUTED since 2001, paid[0] PAID since 2002, paid[1] PROCESSING since 2003.
        db.exec("UPDATE customer_order SET status_since = ? WHERE id = ?", Instant.parse("2001-01-01T00:00:00Z"), paid[2]);
        db.exec("UPDATE customer_order SET status_since = ? WHERE id = ?", Instant.parse("2002-01-01T00:00:00Z"), paid[0]);
        db.exec("UPDATE customer_order SET status_since = ? WHERE id = ?", Instant.parse("2003-01-01T00:00:00Z"), paid[1]);
        Response waiting = asAdmin().get("/api/admin/reports/orders-pipeline");
        List<Map<String, Object>> oldest = waiting.jsonPath().getList("oldestWaiting");
        assertEquals(List.of(paid[2].toString(), paid[0].toString(), paid[1].toString()),
                oldest.subList(0, 3).stream().map(o -> (String) o.get("orderId")).toList());
        assertEquals(List.of("DISTRIBUTED", "PAID", "PROCESSING"), oldest.subList(0, 3).stream().map(o -> (String) o.get("status")).toList());
        assertEquals("2001-01-01T00:00:00Z", oldest.get(0).get("since"));
        assertTrue(oldest.size() <= 10);
        for (Map<String, Object> o : oldest) {
            assertFalse(o.get("orderId").equals(paid[3].toString()) || o.get("orderId").equals(pending.toString()),
                    "completed and unpaid orders are not waiting");
        }
        assertEqualsRecount(waiting);

        // Moving on resets the wait: the database stamps the status change, so paid[2]'s 2001 is gone.
        progress(paid[2], "COMPLETED");
        progress(paid[0], "PROCESSING");
        Response moved = asAdmin().get("/api/admin/reports/orders-pipeline");
        assertEquals(paid[1].toString(), moved.jsonPath().getString("oldestWaiting[0].orderId"));
        assertTrue(Instant.parse(db.one("SELECT to_char(status_since AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM customer_order WHERE id = ?", paid[0]).toString()).isAfter(Instant.now().minusSeconds(60)));
        assertEqualsRecount(moved);

        // Folding the deltas (the rollup job) changes no number; a second run has nothing to fold.
        long before = db.count("SELECT count(*) FROM order_status_tally");
        asAdmin().post("/api/admin/jobs/sales-rollup/run").then().statusCode(200);
        assertTrue(db.count("SELECT count(*) FROM order_status_tally") <= STATUSES.size());
        assertTrue(before > STATUSES.size());
        Response folded = asAdmin().get("/api/admin/reports/orders-pipeline");
        assertEquals(moved.jsonPath().getList("statuses").toString(), folded.jsonPath().getList("statuses").toString());
        assertEqualsRecount(folded);
        asAdmin().post("/api/admin/jobs/sales-rollup/run").then().statusCode(200)
                .body("tallyRowsFolded", org.hamcrest.Matchers.equalTo(0));

        // CSV: one line per status, the same numbers.
        String csv = asAdmin().get("/api/admin/reports/orders-pipeline?format=csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("status,count,value", lines[0]);
        List<Map<String, Object>> statuses = folded.jsonPath().getList("statuses");
        for (int i = 0; i < statuses.size(); i++) {
            Map<String, Object> s = statuses.get(i);
            assertEquals(s.get("status") + "," + s.get("count") + "," + s.get("value"), lines[i + 1]);
        }
    }
}
