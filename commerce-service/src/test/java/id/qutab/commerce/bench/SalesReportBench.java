package id.qutab.commerce.bench;

import id.qutab.commerce.reports.GroupBy;
import id.qutab.commerce.reports.PipelineReport;
import id.qutab.commerce.reports.SalesReports;
import id.qutab.commerce.reports.SalesRollup;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.reports.DayRange;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * bench/sales-report.sh: the sales and orders-pipeline reports over {@code bench.orders} (1 000 000) generated orders
 * spread over two years, after the sales-rollup job, each report asked {@code bench.calls} (200) times over HTTP.
 * Not a test: surefire selects *Test only, so {@code verify} never runs it; it measures and writes figures to
 * target/sales-report-bench.txt, it asserts nothing about time.
 */
@QuarkusTest
@TestProfile(SalesReportBench.Bench.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class SalesReportBench {

    /** A port of its own: commerce's tests (of any worktree on this machine) use 18182. */
    public static class Bench implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", "18198",
                    "qutab.services.commerce.url", "http://localhost:18198",
                    "qutab.services.affiliate.url", "http://localhost:18198",
                    "quarkus.log.category.\"org.hibernate\".level", "WARN");
        }
    }

    private static final int ORDERS = Integer.getInteger("bench.orders", 1_000_000);
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final int PRODUCTS = 60;

    @Inject
    TestDb db;

    private final StringBuilder report = new StringBuilder();
    private final String token = TestJwt.admin();
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    SalesReports sales;

    @Inject
    PipelineReport pipeline;

    @Inject
    SalesRollup rollup;

    @Test
    void reportsOverAMillionOrders() throws Exception {
        line("# sales report bench");
        line("");
        line("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim() + " ("
                + Runtime.getRuntime().availableProcessors() + " cores)");
        long t0 = System.nanoTime();
        generate();
        long generated = System.nanoTime();
        line(db.count("SELECT count(*) FROM customer_order") + " orders, " + db.count("SELECT count(*) FROM order_line")
                + " lines, " + db.count("SELECT count(*) FROM refund") + " refunds over "
                + db.count("SELECT (max(created_at)::date - min(created_at)::date) FROM customer_order") + " days; generated in "
                + secs(generated - t0) + " s (SQL generate_series, then VACUUM ANALYZE)");
        // The first run (two years at once) outlasts an HTTP client's timeout: called in process, as the schedule does.
        SalesRollup.Run firstRun = rollup.runNow();
        long rolled = System.nanoTime();
        line("first sales-rollup run (every closed day, in process): " + secs(rolled - generated) + " s: " + firstRun);
        long t1 = System.nanoTime();
        String second = given().auth().oauth2(token).post("/api/admin/jobs/sales-rollup/run").then().statusCode(200)
                .extract().asString();
        line("second run (nothing to do): " + ms(System.nanoTime() - t1) + " ms: " + second);
        line("rollup rows: sales_daily " + db.count("SELECT count(*) FROM sales_daily") + ", sales_daily_product "
                + db.count("SELECT count(*) FROM sales_daily_product") + "; live days after "
                + db.one("SELECT rolled_through FROM sales_rollup_state"));
        line("");
        line("HTTP round trip as an admin (JWT check, JSON), " + CALLS + " calls after 20 warm-up calls, ms:");
        LocalDate today = DayRange.today();
        line(stats("sales 30 days by day", "/api/admin/reports/sales?from=" + today.minusDays(29) + "&to=" + today
                + "&groupBy=day", CALLS));
        line(stats("sales 365 days by week", "/api/admin/reports/sales?from=" + today.minusDays(364) + "&to=" + today
                + "&groupBy=week", CALLS));
        line(stats("sales 365 days by month", "/api/admin/reports/sales?from=" + today.minusDays(364) + "&to=" + today
                + "&groupBy=month", CALLS));
        line(stats("sales 365 days by month, CSV", "/api/admin/reports/sales?from=" + today.minusDays(364) + "&to="
                + today + "&groupBy=month&format=csv", CALLS));
        line(stats("orders-pipeline", "/api/admin/reports/orders-pipeline", CALLS));
        line("");
        line("in process (SalesReports / PipelineReport called directly: the queries and the assembly), ms:");
        line(inProcess("sales 30 days by day", () -> sales.report(new DayRange(today.minusDays(29), today), GroupBy.day), CALLS));
        line(inProcess("sales 365 days by week", () -> sales.report(new DayRange(today.minusDays(364), today), GroupBy.week), CALLS));
        line(inProcess("sales 365 days by month", () -> sales.report(new DayRange(today.minusDays(364), today), GroupBy.month), CALLS));
        line(inProcess("sales 730 days by day", () -> sales.report(new DayRange(today.minusDays(729), today), GroupBy.day), CALLS));
        line(inProcess("orders-pipeline", pipeline::now, CALLS));
        line("");
        // Why the rollup: the same year with every day live (rolled_through reset), a few calls only.
        Object through = db.one("SELECT rolled_through FROM sales_rollup_state");
        db.exec("UPDATE sales_rollup_state SET rolled_through = NULL");
        line(stats("for comparison, WITHOUT the rollup: sales 365 days by month, all live", "/api/admin/reports/sales?from="
                + today.minusDays(364) + "&to=" + today + "&groupBy=month", 10));
        db.exec("UPDATE sales_rollup_state SET rolled_through = ?", through);
        // and the pipeline's statuses as a GROUP BY over the orders, the query the tally replaces
        line(statsSql("for comparison: SELECT status, count(*), sum(total) FROM customer_order GROUP BY status",
                "SELECT status, count(*), sum(total) FROM customer_order GROUP BY status", 20));

        line("load average at end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        Path out = Path.of("target", "sales-report-bench.txt");
        Files.writeString(out, report);
        System.out.println("\n===== sales report bench =====\n" + report + "===== (also in " + out.toAbsolutePath() + ")");
    }

    /**
     * Two years of orders, one every {@code 730 days / ORDERS}: 10 % expired, 5 % cancelled, 3 % refunded (5 days
     * after payment), the rest paid; paid in the last 14 days still PAID/PROCESSING/DISTRIBUTED, older ones
     * COMPLETED. A quarter have a second line; one in ten single-line orders a 50 000 discount.
     */
    private void generate() {
        db.exec("""
                INSERT INTO product (id, name, category, description, price, stock)
                SELECT md5('bench-product-' || p)::uuid, 'Bench ' || (ARRAY['sapi', 'kambing', 'domba'])[p % 3 + 1] || ' ' || p,
                       (ARRAY['sapi', 'kambing', 'domba'])[p % 3 + 1], 'bench',
                       CASE p % 3 WHEN 0 THEN 18000000 + p * 100000 ELSE 2500000 + p * 10000 END, 1000000
                FROM generate_series(0, ?) p""", PRODUCTS - 1);
        db.exec("ALTER TABLE customer_order DISABLE TRIGGER USER");
        int batch = 100_000;
        for (int from = 1; from <= ORDERS; from += batch) {
            int to = Math.min(ORDERS, from + batch - 1);
            db.exec("""
                    WITH g AS (
                        SELECT i, now() - (CAST(? AS int) - i) * (interval '730 days' / CAST(? AS int)) AS created, (CAST(i AS bigint) * 7919) % 100 AS r,
                               i % CAST(? AS int) AS p1, (i * 31) % CAST(? AS int) AS p2, i % 4 = 0 AS two, 1 + (i % 5 = 0)::int AS q
                        FROM generate_series(CAST(? AS int), CAST(? AS int)) i
                    ), priced AS (
                        SELECT g.*, pr1.price * q + CASE WHEN two THEN pr2.price ELSE 0 END AS subtotal,
                               CASE WHEN NOT two AND i % 10 = 1 THEN 50000 ELSE 0 END AS discount
                        FROM g JOIN product pr1 ON pr1.id = md5('bench-product-' || p1)::uuid
                               JOIN product pr2 ON pr2.id = md5('bench-product-' || p2)::uuid
                    ), st AS (
                        SELECT priced.*,
                               CASE WHEN r < 10 THEN 'EXPIRED' WHEN r < 15 THEN 'CANCELLED' WHEN r < 18 THEN 'REFUNDED'
                                    WHEN created > now() - interval '14 days' THEN (ARRAY['PAID', 'PROCESSING', 'DISTRIBUTED'])[i % 3 + 1]
                                    ELSE 'COMPLETED' END AS status
                        FROM priced
                    )
                    INSERT INTO customer_order (id, number, user_id, status, subtotal, discount, total, attribution_source,
                        recipient_name, recipient_location, payment_due_at, created_at, updated_at, paid_at, completed_at,
                        closed_at, close_reason, status_since)
                    SELECT md5('bench-order-' || i)::uuid, 'BENCH-' || i, md5('bench-user-' || (i % 50000))::uuid, status,
                           subtotal, discount, subtotal - discount, 'NONE', 'Bench', 'Bandung',
                           created + interval '24 hours', created, created,
                           CASE WHEN status IN ('EXPIRED', 'CANCELLED') THEN NULL ELSE created + interval '10 minutes' END,
                           CASE WHEN status = 'COMPLETED' THEN created + interval '10 days' END,
                           CASE status WHEN 'EXPIRED' THEN least(now(), created + interval '24 hours')
                                       WHEN 'CANCELLED' THEN created + interval '1 hour'
                                       WHEN 'REFUNDED' THEN least(now(), created + interval '5 days') END,
                           CASE WHEN status IN ('EXPIRED', 'CANCELLED', 'REFUNDED') THEN 'bench' END,
                           CASE status WHEN 'EXPIRED' THEN least(now(), created + interval '24 hours')
                                       WHEN 'CANCELLED' THEN created + interval '1 hour'
                                       WHEN 'REFUNDED' THEN least(now(), created + interval '5 days')
                                       WHEN 'COMPLETED' THEN created + interval '10 days'
                                       ELSE created + interval '10 minutes' END
                    FROM st""", ORDERS, ORDERS, PRODUCTS, PRODUCTS, from, to);
            db.exec("""
                    INSERT INTO order_line (id, order_id, line_no, product_id, product_name, category, unit_price, quantity,
                        line_total, discount, paid_amount, on_behalf_of)
                    SELECT md5('bench-line-' || i || '-1')::uuid, md5('bench-order-' || i)::uuid, 1, pr.id, pr.name,
                           pr.category, pr.price, q, pr.price * q, d, pr.price * q - d, ARRAY['Bench']
                    FROM (SELECT i, i % CAST(? AS int) AS p1, 1 + (i % 5 = 0)::int AS q,
                                 CASE WHEN i % 4 <> 0 AND i % 10 = 1 THEN 50000 ELSE 0 END AS d
                          FROM generate_series(CAST(? AS int), CAST(? AS int)) i) g
                    JOIN product pr ON pr.id = md5('bench-product-' || p1)::uuid
                    UNION ALL
                    SELECT md5('bench-line-' || i || '-2')::uuid, md5('bench-order-' || i)::uuid, 2, pr.id, pr.name,
                           pr.category, pr.price, 1, pr.price, 0, pr.price, ARRAY['Bench']
                    FROM generate_series(CAST(? AS int), CAST(? AS int)) i JOIN product pr ON pr.id = md5('bench-product-' || ((i * 31) % CAST(? AS int)))::uuid
                    WHERE i % 4 = 0""", PRODUCTS, from, to, from, to, PRODUCTS);
        }
        db.exec("ALTER TABLE customer_order ENABLE TRIGGER USER");
        db.exec("""
                INSERT INTO refund (id, order_id, amount, reason, refunded_by, created_at)
                SELECT md5('bench-refund-' || id)::uuid, id, total, 'bench', md5('bench-admin')::uuid, closed_at
                FROM customer_order WHERE status = 'REFUNDED' AND number LIKE 'BENCH-%'""");
        // The tally the disabled trigger did not write: rebuilt from the orders, as the migration does.
        db.exec("DELETE FROM order_status_tally");
        db.exec("INSERT INTO order_status_tally (status, orders, value) SELECT status, count(*), sum(total) FROM customer_order GROUP BY status");
        db.exec("VACUUM ANALYZE customer_order");
        db.exec("VACUUM ANALYZE order_line");
        db.exec("VACUUM ANALYZE refund");
    }

    /** Over HTTP with the JDK client (RestAssured's Groovy would add its own milliseconds to every call). */
    private String stats(String what, String path, int calls) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:18198" + path))
                .header("Authorization", "Bearer " + token).GET().build();
        for (int i = 0; i < Math.min(20, calls); i++) {
            call(request);
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            call(request);
            nanos.add(System.nanoTime() - t);
        }
        return format(what, nanos);
    }

    private void call(HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError(request.uri() + " -> " + response.statusCode() + " " + new String(response.body()));
        }
    }

    /** In process, without HTTP: the report's own work (queries and assembly). */
    private String inProcess(String what, java.util.function.Supplier<Object> report, int calls) {
        for (int i = 0; i < Math.min(20, calls); i++) {
            report.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            report.get();
            nanos.add(System.nanoTime() - t);
        }
        return format(what, nanos);
    }

    private String statsSql(String what, String sql, int calls) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            db.rows(sql);
            nanos.add(System.nanoTime() - t);
        }
        return format(what, nanos);
    }

    private static String format(String what, List<Long> nanos) {
        Collections.sort(nanos);
        return String.format("  %-70s n=%d p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f", what, nanos.size(),
                pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos.get(nanos.size() - 1) / 1e6);
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static long secs(long nanos) {
        return Duration.ofNanos(nanos).toSeconds();
    }

    private static long ms(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
