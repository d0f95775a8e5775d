package id.qutab.payout.reports;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * bench/liabilities-report.sh: GET /api/admin/reports/liabilities over 10 000 affiliates, 1 000 000 commissions and
 * 50 000 payouts generated in SQL, against the embedded PostgreSQL. Not a test: its name matches no surefire
 * pattern, so {@code verify} never runs it; the script selects it with {@code -Dtest}. It measures and writes
 * figures to target/liabilities-report-bench.txt, it asserts nothing about time.
 *
 * <p>It also measures what the rollup replaced (the same sums derived from the rows on every request) and what the
 * rollup's triggers cost a single ledger write, so one run shows the trade.
 */
@QuarkusTest
@TestProfile(LiabilitiesReportBench.Quiet.class)
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LiabilitiesReportBench {

    /** A port of its own, so the bench does not collide with a payout test run of another checkout. */
    public static class Quiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.test-port", "18199", "quarkus.log.level", "WARN",
                    "quarkus.datasource.jdbc.acquisition-timeout", "60s");
        }
    }

    private static final int AFFILIATES = Integer.getInteger("bench.affiliates", 10_000);
    private static final int COMMISSIONS = Integer.getInteger("bench.commissions", 1_000_000);
    private static final int PAYOUTS_EACH = Integer.getInteger("bench.payouts-each", 5);
    private static final int CALLS = Integer.getInteger("bench.calls", 200);
    private static final String PATH = "/api/admin/reports/liabilities";

    /** The report's balance sums derived from the rows per request: what ledger_totals replaced. */
    private static final String FROM_ROWS = """
            WITH c AS (SELECT affiliate_id,
                              SUM(amount) FILTER (WHERE state = 'PENDING') AS p,
                              SUM(amount) FILTER (WHERE state IN ('AVAILABLE', 'CLAWED_BACK')) AS e,
                              SUM(clawback_amount) FILTER (WHERE state = 'CLAWED_BACK') AS cb
                         FROM ledger_commission GROUP BY affiliate_id),
                 o AS (SELECT affiliate_id,
                              SUM(amount) FILTER (WHERE status IN ('REQUESTED', 'APPROVED')) AS r,
                              SUM(amount) FILTER (WHERE status = 'PAID') AS d
                         FROM payout WHERE status IN ('REQUESTED', 'APPROVED', 'PAID') GROUP BY affiliate_id)
            SELECT COALESCE(c.affiliate_id, o.affiliate_id), COALESCE(c.p, 0), COALESCE(c.e, 0), COALESCE(c.cb, 0),
                   COALESCE(o.r, 0), COALESCE(o.d, 0)
              FROM c FULL JOIN o ON o.affiliate_id = c.affiliate_id""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestDb db;

    @Inject
    LiabilitiesReport liabilities;

    @TestHTTPResource("/")
    URL root;

    private static String base;

    private final StringBuilder report = new StringBuilder();
    private java.util.List<Object> sample;

    @Test
    void liabilitiesAtVolume() throws Exception {
        base = root.toString().replaceAll("/$", "");
        long started = System.nanoTime();
        generate();
        line("# liabilities report at volume");
        line("");
        line(db.count("SELECT count(*) FROM payout_account") + " payout accounts, "
                + db.count("SELECT count(*) FROM ledger_commission") + " commissions, "
                + db.count("SELECT count(*) FROM payout") + " payouts; generated (with the rollup triggers on) in "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        line("paid this month: " + db.count("SELECT count(*) FROM payout WHERE status = 'PAID' AND paid_at >= date_trunc('month', now())")
                + " payouts (roughly; the report uses the Jakarta month)");
        line("rollup rows: " + db.count("SELECT count(*) FROM ledger_totals") + "; negative balances: "
                + db.count("SELECT count(*) FROM ledger_totals WHERE earned - clawbacks - reserved - paid_out < 0"));
        line("rollup equals the rows: " + (db.count("SELECT count(*) FROM (" + FROM_ROWS + ") b(a, p, e, cb, r, d)"
                + " FULL JOIN ledger_totals t ON t.affiliate_id = b.a WHERE (t.pending, t.earned, t.clawbacks, t.reserved,"
                + " t.paid_out) IS DISTINCT FROM (b.p, b.e, b.cb, b.r, b.d)") == 0));
        line("");

        // java.net.http rather than RestAssured: the client's own overhead is not the report's
        HttpClient client = HttpClient.newHttpClient();
        String admin = TestJwt.admin();
        Supplier<Void> json = () -> get(client, admin, PATH, 200);
        Supplier<Void> csv = () -> get(client, admin, PATH + "?format=csv", 200);
        for (int i = 0; i < 20; i++) { // warm-up: JIT, connection pool, PostgreSQL's caches
            json.get();
        }
        line(stats("GET " + PATH + " (JSON, over HTTP)", CALLS, json));
        line(stats("GET " + PATH + "?format=csv (every affiliate line, over HTTP)", Math.max(20, CALLS / 4), csv));
        line(stats("LiabilitiesReport.now() in process (the report without HTTP and JSON)", CALLS, liabilities::now));
        line(stats("the balance sums derived from the rows instead (SQL only, no HTTP)", 20, () -> {
            query(FROM_ROWS);
            return null;
        }));
        line("");
        line(stats("one ledger write (single-row UPDATE + commit), rollup triggers on", 300, this::ledgerWrite));
        db.exec("ALTER TABLE ledger_commission DISABLE TRIGGER USER");
        try {
            line(stats("one ledger write (single-row UPDATE + commit), triggers off", 300, this::ledgerWrite));
        } finally {
            db.exec("ALTER TABLE ledger_commission ENABLE TRIGGER USER");
            db.one("SELECT ledger_totals_rebuild()");
        }
        line("");
        line("plan of the derivation from rows:");
        for (Object row : db.rows("EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) " + FROM_ROWS).stream().map(r -> r.get(0)).toList()) {
            line("    " + row);
        }

        Path out = Path.of("target", "liabilities-report-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    /** 10 000 accounts; 100 commissions each (20 % pending, 70 % available, 7 % voided, 3 % clawed back); five payouts each. */
    private void generate() {
        exec("CREATE UNLOGGED TABLE bench_aff AS SELECT n, md5('bench-aff-' || n)::uuid AS id"
                + " FROM generate_series(0, " + (AFFILIATES - 1) + ") n");
        exec("INSERT INTO payout_account (id, affiliate_id, user_id, affiliate_code, opened_at, bank_code, account_number,"
                + " account_holder, verification_status)"
                + " SELECT md5('bench-acc-' || n)::uuid, id, md5('bench-user-' || n)::uuid, 'B' || n,"
                + " now() - interval '400 days', 'BCA', lpad(n::text, 10, '0'), 'Holder ' || n, 'VERIFIED' FROM bench_aff");
        // amount 10 000..499 999; the k-th commission of an affiliate (k = i / AFFILIATES) has its state by k % 100
        exec("INSERT INTO ledger_commission (commission_id, affiliate_id, order_id, amount, state, rate_bps, earned_at,"
                + " available_at, voided_at, clawback_amount, clawed_back_at)"
                + " SELECT gen_random_uuid(), a.id, gen_random_uuid(), 10000 + (i::bigint * 7919) % 490000,"
                + "   CASE WHEN k % 100 < 20 THEN 'PENDING' WHEN k % 100 < 90 THEN 'AVAILABLE'"
                + "        WHEN k % 100 < 97 THEN 'VOIDED' ELSE 'CLAWED_BACK' END, 500,"
                + "   now() - ((i % 365) || ' days')::interval,"
                + "   CASE WHEN k % 100 >= 20 THEN now() - ((i % 300) || ' days')::interval END,"
                + "   CASE WHEN k % 100 BETWEEN 90 AND 96 THEN now() END,"
                + "   CASE WHEN k % 100 >= 97 THEN 10000 + (i::bigint * 7919) % 490000 END,"
                + "   CASE WHEN k % 100 >= 97 THEN now() END"
                + " FROM generate_series(0, " + (COMMISSIONS - 1) + ") i"
                + " CROSS JOIN LATERAL (SELECT i / " + AFFILIATES + " AS k) kk JOIN bench_aff a ON a.n = i % " + AFFILIATES);
        // k = 1..4 PAID over the last year; k = 5 by n % 10: REQUESTED, APPROVED, FAILED, REJECTED, else PAID.
        // Every 50th affiliate was paid far more than it earned (clawbacks after payout): a negative balance.
        exec("INSERT INTO payout (id, affiliate_id, account_id, amount, status, bank_code, account_number, account_holder,"
                + " available_before, ledger_position, requested_at, approved_at, paid_at, transfer_reference, failed_at,"
                + " failure_reason, rejected_at, rejection_reason)"
                + " SELECT gen_random_uuid(), a.id, md5('bench-acc-' || a.n)::uuid,"
                + "   CASE WHEN a.n % 50 = 0 THEN 5000000 ELSE 100000 + (a.n * 31 + k * 7) % 2000000 END, s.status,"
                + "   'BCA', lpad(a.n::text, 10, '0'), 'Holder ' || a.n, 0, 0,"
                + "   now() - (((k - 1) * 70 + a.n % 60 + 2) || ' days')::interval,"
                + "   CASE WHEN s.status IN ('APPROVED', 'PAID') THEN now() - (((k - 1) * 70 + a.n % 60 + 1) || ' days')::interval END,"
                + "   CASE WHEN s.status = 'PAID' THEN now() - (((k - 1) * 70 + a.n % 60) || ' days')::interval END,"
                + "   CASE WHEN s.status = 'PAID' THEN 'TRX-' || a.n || '-' || k END,"
                + "   CASE WHEN s.status = 'FAILED' THEN now() END, CASE WHEN s.status = 'FAILED' THEN 'bench' END,"
                + "   CASE WHEN s.status = 'REJECTED' THEN now() END, CASE WHEN s.status = 'REJECTED' THEN 'bench' END"
                + " FROM bench_aff a CROSS JOIN generate_series(1, " + PAYOUTS_EACH + ") k"
                + " CROSS JOIN LATERAL (SELECT CASE WHEN k < " + PAYOUTS_EACH + " THEN 'PAID'"
                + "   WHEN a.n % 10 = 0 THEN 'REQUESTED' WHEN a.n % 10 = 1 THEN 'APPROVED' WHEN a.n % 10 = 2 THEN 'FAILED'"
                + "   WHEN a.n % 10 = 3 THEN 'REJECTED' ELSE 'PAID' END AS status) s");
        exec("DROP TABLE bench_aff");
        exec("VACUUM ANALYZE ledger_commission");
        exec("VACUUM ANALYZE payout");
        exec("VACUUM ANALYZE ledger_totals");
    }

    /** Moves a random commission's amount by one rupiah: one single-row UPDATE, committed on its own. */
    private Void ledgerWrite() {
        if (sample == null) {
            sample = db.rows("SELECT commission_id FROM ledger_commission ORDER BY random() LIMIT 1000").stream()
                    .map(r -> r.get(0)).toList();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE ledger_commission SET amount = amount + ? WHERE commission_id = ? AND amount > 1")) {
            ps.setLong(1, ThreadLocalRandom.current().nextBoolean() ? 1 : -1);
            ps.setObject(2, sample.get(ThreadLocalRandom.current().nextInt(sample.size())));
            ps.executeUpdate();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Void get(HttpClient client, String token, String path, int status) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != status) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void exec(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rs.getLong(2);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stats(String what, int n, Supplier<?> call) {
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = System.nanoTime() - t;
        }
        Arrays.sort(ms);
        return String.format("%-78s n=%4d  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  max %7.2f ms", what, n,
                pct(ms, 50), pct(ms, 95), pct(ms, 99), ms[n - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))] / 1e6;
    }

    private void line(String text) {
        report.append(text).append('\n');
    }
}
