package id.qutab.affiliate.reports;

import id.qutab.affiliate.jobs.StatsAggregationJob;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;

/**
 * bench/affiliate-report.sh: GET /api/admin/reports/affiliates over HTTP with 10 000 affiliates and 10 000 000
 * clicks over a year (leads and commissions in proportion), generated in SQL straight into the embedded
 * PostgreSQL. Not a test: surefire selects *Test only, the script selects it with -Dtest. It measures and writes
 * target/affiliate-report-bench.txt; it asserts nothing about time.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AffiliateReportBench {

    private static final int AFFILIATES = Integer.getInteger("bench.affiliates", 10_000);
    private static final long CLICKS = Long.getLong("bench.clicks", 10_000_000L);
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final String REPORT = "/api/admin/reports/affiliates";

    @Inject
    TestDb db;

    @Inject
    StatsAggregationJob statsJob;

    private final StringBuilder out = new StringBuilder();

    @Test
    void reportAtVolume() throws Exception {
        long started = System.nanoTime();
        generate();
        line("data generated in " + seconds(started) + " s: " + db.count("SELECT count(*) FROM affiliate")
                + " affiliates, " + db.count("SELECT count(*) FROM click") + " clicks, "
                + db.count("SELECT count(*) FROM daily_stats") + " daily_stats rows, "
                + db.count("SELECT count(*) FROM lead") + " leads, " + db.count("SELECT count(*) FROM commission")
                + " commissions, " + db.count("SELECT count(*) FROM commission_clawback") + " clawbacks");

        // the job itself, not over HTTP: its first run (a year to roll up) outlasts the test client's timeout
        long job = System.nanoTime();
        Object result = statsJob.runNow();
        line("stats-aggregation job (rebuild yesterday + today, first roll-up of every closed day) in "
                + seconds(job) + " s: " + result);
        job = System.nanoTime();
        line("second run in " + seconds(job) + " s: " + statsJob.runNow());
        db.exec("VACUUM ANALYZE");

        LocalDate today = Jakarta.today();
        measure("baseline: GET /api/admin/affiliates?size=1 (auth + HTTP only)", () -> given().auth()
                .oauth2(Affiliates.admin()).queryParam("size", 1).get("/api/admin/affiliates").then().statusCode(200), CALLS);
        for (int days : List.of(30, 365)) {
            measure(days + " days, closed days rolled up, today live", today.minusDays(days - 1), today, CALLS);
        }
        // what the roll-up saves: every day computed live (as before the first job run, or with no report_day)
        db.exec("DELETE FROM report_day");
        measure("30 days, no roll-up (every day live from daily_stats)", today.minusDays(29), today, 5);
        long live = System.nanoTime();
        db.rows(AffiliateReport.PERIODS.replace("?1", "'" + today.minusDays(364) + "'::date")
                .replace("?2", "'" + today + "'::date").replace("?3", "'" + today + "'::date"));
        line(String.format("%-62s once: %d ms (periods query only, in SQL)", "365 days, no roll-up",
                Duration.ofNanos(System.nanoTime() - live).toMillis()));
        db.exec("INSERT INTO report_day SELECT *, now() FROM (" + DayFigures.over(
                "SELECT g::date AS day FROM generate_series(current_date - 400, current_date - 2, interval '1 day') g")
                + ") x");
        line("");
        line("plan of the periods query, 365 days, rolled up but today and yesterday:");
        for (List<Object> row : db.rows("EXPLAIN (ANALYZE, BUFFERS) " + AffiliateReport.PERIODS.replace("?1",
                "'" + today.minusDays(364) + "'::date").replace("?2", "'" + today + "'::date")
                .replace("?3", "'" + today + "'::date"))) {
            line("    " + row.get(0));
        }
        line("plan of the top affiliates query, 365 days:");
        for (List<Object> row : db.rows("EXPLAIN (ANALYZE, BUFFERS) " + AffiliateReport.TOP_AFFILIATES.replace("?1",
                "'" + today.minusDays(364) + "'::date").replace("?2", "'" + today + "'::date"))) {
            line("    " + row.get(0));
        }
        Path file = Path.of("target", "affiliate-report-bench.txt");
        Files.writeString(file, out);
        System.out.println("\n===== affiliate report bench =====\n" + out + "===== (also in " + file.toAbsolutePath() + ")");
    }

    private void measure(String label, LocalDate from, LocalDate to, int calls) {
        measure(label, () -> call(from, to), calls);
    }

    private void measure(String label, Runnable call, int calls) {
        long[] nanos = new long[calls];
        try {
            for (int i = 0; i < Math.min(10, calls / 2); i++) {
                call.run();
            }
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                call.run();
                nanos[i] = System.nanoTime() - t;
            }
        } catch (Exception e) { // RestAssured's SocketTimeoutException arrives undeclared
            line(String.format("%-62s did not finish: %s", label, e));
            return;
        }
        Arrays.sort(nanos);
        line(String.format("%-62s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms", label, calls,
                ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos[calls - 1] / 1e6));
    }

    private static void call(LocalDate from, LocalDate to) {
        given().auth().oauth2(Affiliates.admin()).queryParam("from", from.toString()).queryParam("to", to.toString())
                .get(REPORT).then().statusCode(200);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    /**
     * Affiliates (plus 50 pending applications), clicks uniformly over the last 365 days (2 % bots, a third unique),
     * leads at 1 % of clicks, commissions for 80 % of leads (paid within hours; matured after 30 days unless voided
     * or pending; 5 % voided, 1 % paid out and clawed back), and daily_stats as the increments would have left them.
     */
    private void generate() {
        long t = System.nanoTime();
        db.exec("""
                INSERT INTO affiliate (id, user_id, status, first_name, last_name, city, applied_at, code, approved_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'APPROVED', 'Bench', 'Affiliate ' || i, 'Bandung',
                       now() - interval '400 days', 'B' || lpad(i::text, 7, '0'), now() - interval '399 days'
                FROM generate_series(1, ?) i""", AFFILIATES);
        db.exec("""
                INSERT INTO affiliate (id, user_id, status, first_name, last_name, city, applied_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'PENDING', 'Pending', 'Applicant ' || i, 'Bogor',
                       now() - i * interval '1 hour' FROM generate_series(1, 50) i""");
        db.exec("CREATE TABLE bench_affiliate AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, code"
                + " FROM affiliate WHERE status = 'APPROVED'");
        db.exec("CREATE UNIQUE INDEX ON bench_affiliate (n)");
        line("  affiliates: " + seconds(t) + " s");

        t = System.nanoTime();
        db.exec("DROP INDEX click_by_time, click_by_affiliate, click_unique_visits");
        for (long start = 0; start < CLICKS; start += 1_000_000) {
            db.exec("""
                    INSERT INTO click (id, affiliate_id, code, clicked_at, visitor_hash, bot, unique_visit)
                    SELECT gen_random_uuid(), a.id, a.code, now() - random() * interval '365 days',
                           decode(md5(i::text), 'hex'), i % 50 = 0, i % 50 <> 0 AND i % 3 = 0
                    FROM generate_series(?::bigint, ?::bigint) i
                    JOIN bench_affiliate a ON a.n = (hashint8(i) & 2147483647) % ?""",
                    start, Math.min(start + 1_000_000, CLICKS) - 1, AFFILIATES);
        }
        line("  clicks: " + seconds(t) + " s");
        t = System.nanoTime();
        db.exec("CREATE INDEX click_by_time ON click (clicked_at)");
        db.exec("CREATE INDEX click_by_affiliate ON click (affiliate_id, clicked_at)");
        db.exec("CREATE INDEX click_unique_visits ON click (affiliate_id, visitor_hash, clicked_at DESC) WHERE unique_visit");
        line("  click indexes: " + seconds(t) + " s");

        t = System.nanoTime();
        db.exec("""
                INSERT INTO lead (id, affiliate_id, order_id, order_number, source, code, status, order_total,
                                  order_created_at, occurred_at)
                SELECT gen_random_uuid(), a.id, gen_random_uuid(), 'QTB-B' || i, 'LINK', a.code,
                       CASE WHEN i % 5 = 0 THEN 'PENDING' ELSE 'CONFIRMED' END, 3000000, x.at, x.at
                FROM generate_series(1, ?::bigint) i
                JOIN bench_affiliate a ON a.n = (hashint8(-i) & 2147483647) % ?
                CROSS JOIN LATERAL (SELECT now() - interval '1 hour' - random() * interval '364 days' AS at
                                    WHERE i > 0) x""", CLICKS / 100, AFFILIATES);
        db.exec("""
                INSERT INTO commission (id, affiliate_id, order_id, order_number, amount, rate_bps, tier_bonus_bps,
                                        sales_amount, status, paid_at, available_at, voided_at, voided_reason,
                                        paid_out_at, clawback_at, created_at)
                SELECT gen_random_uuid(), l.affiliate_id, l.order_id, l.order_number, 50000 + (k % 20) * 10000, 500, 0,
                       (50000 + (k % 20) * 10000) * 20,
                       CASE WHEN k % 20 = 0 THEN 'VOIDED' WHEN k % 100 = 1 THEN 'PAID'
                            WHEN p.paid_at < now() - interval '30 days' THEN 'AVAILABLE' ELSE 'PENDING' END,
                       p.paid_at,
                       CASE WHEN k % 20 <> 0 AND (k % 100 = 1 OR p.paid_at < now() - interval '30 days')
                            THEN least(p.paid_at + interval '30 days', now()) END,
                       CASE WHEN k % 20 = 0 THEN least(p.paid_at + interval '2 days', now()) END,
                       CASE WHEN k % 20 = 0 THEN 'order cancelled' END,
                       CASE WHEN k % 100 = 1 THEN least(p.paid_at + interval '31 days', now()) END,
                       CASE WHEN k % 100 = 1 THEN least(p.paid_at + interval '40 days', now()) END,
                       p.paid_at
                FROM (SELECT l.*, row_number() OVER () AS k FROM lead l WHERE l.status = 'CONFIRMED') l
                CROSS JOIN LATERAL (SELECT l.order_created_at + interval '30 minutes' AS paid_at) p""");
        db.exec("""
                INSERT INTO commission_clawback (commission_id, affiliate_id, order_id, amount, reason, created_at)
                SELECT id, affiliate_id, order_id, amount, 'order refunded', clawback_at FROM commission
                WHERE clawback_at IS NOT NULL""");
        line("  leads, commissions, clawbacks: " + seconds(t) + " s");

        t = System.nanoTime();
        db.exec("""
                INSERT INTO daily_stats (affiliate_id, day, clicks, unique_clicks)
                SELECT affiliate_id, jakarta_day(clicked_at), count(*) FILTER (WHERE NOT bot),
                       count(*) FILTER (WHERE unique_visit)
                FROM click GROUP BY 1, 2""");
        db.exec("""
                INSERT INTO daily_stats AS s (affiliate_id, day, orders)
                SELECT affiliate_id, jakarta_day(order_created_at), count(*) FROM lead GROUP BY 1, 2
                ON CONFLICT (affiliate_id, day) DO UPDATE SET orders = s.orders + excluded.orders""");
        db.exec("""
                INSERT INTO daily_stats AS s (affiliate_id, day, conversions, sales, commission)
                SELECT affiliate_id, jakarta_day(paid_at), count(*), sum(sales_amount), sum(amount) FROM commission
                WHERE voided_at IS NULL AND clawback_at IS NULL GROUP BY 1, 2
                ON CONFLICT (affiliate_id, day) DO UPDATE SET conversions = s.conversions + excluded.conversions,
                    sales = s.sales + excluded.sales, commission = s.commission + excluded.commission""");
        db.exec("DROP TABLE bench_affiliate");
        line("  daily_stats: " + seconds(t) + " s");
        t = System.nanoTime();
        db.exec("VACUUM ANALYZE");
        line("  vacuum analyze: " + seconds(t) + " s");
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private void line(String text) {
        out.append(text).append('\n');
        System.out.println(text);
    }
}
