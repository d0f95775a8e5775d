package id.qutab.systemtests;

import id.qutab.launcher.DatabaseAccess;
import id.qutab.launcher.Platform;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.order;
import static id.qutab.systemtests.Scenario.register;

/**
 * Paid → commission visible to the affiliate, the real path N times (issue 13): the Zendit sandbox's callback →
 * commerce marks the order PAID (outbox row in the same transaction) → commerce's relay → signed
 * {@code POST /internal/events} to affiliate → inbox + handler → commission → {@code GET /api/affiliate/commissions}
 * through the gateway. Not a test: its name matches no surefire/failsafe pattern, {@code bench/paid-to-commission.sh}
 * selects it. It starts the whole platform through the launcher (free ports, a fresh data dir), never
 * {@code ./qutab up}'s.
 *
 * <p>Times come from one clock (every process runs on this machine): the bench's own (simulate sent, first read that
 * shows the commission) and the rows each step writes: {@code payment_callback.received_at} (commerce got the
 * callback), {@code outbox.occurred_at} (the event recorded, inside the paying transaction, just before its commit),
 * affiliate's {@code inbox.received_at} ({@code now()} of the consumer's transaction: the event arrived, so this
 * segment is commit + nudge + claim + HTTP), {@code commission.created_at} (the handler), commerce's
 * {@code outbox.sent_at} (the relay saw the 2xx and marked it: the consumer's commit and answer).
 */
class PaidToCommissionBench {

    private static final String ADMIN_EMAIL = "admin@qutab.bench.test";
    private static final String ADMIN_PASSWORD = "Bench-admin-2026-events";
    private static final int SEQUENTIAL = Integer.getInteger("bench.orders", 100);
    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    private static final int CONCURRENT = Integer.getInteger("bench.concurrent-orders", 100);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private static Platform platform;
    private static Path data;
    private static Scenario scenario;
    private static URI gateway;

    @BeforeAll
    static void start() throws IOException {
        data = SystemTestSupport.newDataDir("paid-to-commission");
        platform = Platform.start(SystemTestSupport.options(data)
                .env("QUTAB_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("QUTAB_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "100000")
                .env("QUTAB_GATEWAY_RATE_LIMIT_REFERRAL_CAPACITY", "100000")
                .build());
        gateway = platform.gatewayUrl().orElseThrow();
        RestAssured.baseURI = gateway.toString();
        RestAssured.port = gateway.getPort();
        scenario = Scenario.asAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        RestAssured.reset();
        SystemTestSupport.deleteDataDir(data);
    }

    record Sample(String orderId, Instant simulated, Instant visible) {
    }

    @Test
    void paidToCommission() throws Exception {
        Scenario.Account affiliate = register("affiliate", "Siti Bench");
        String code = scenario.approve(affiliate);
        String cookie = RestAssured.given().redirects().follow(false).get("/r/" + code).getCookie("qutab_ref");
        String product = scenario.product("Kambing Bench", "kambing", 3_250_000, 100_000);
        int buyers = Math.max(1, THREADS);
        List<Scenario.Account> customers = new ArrayList<>();
        for (int i = 0; i < buyers; i++) {
            customers.add(register("customer", "Budi Bench " + i));
        }

        for (int i = 0; i < WARMUP; i++) {
            once(customers.get(0), affiliate, product, cookie);
        }

        List<Sample> sequential = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            sequential.add(once(customers.get(0), affiliate, product, cookie));
        }

        List<Sample> concurrent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Scenario.Account buyer = customers.get(t);
            int each = CONCURRENT / THREADS;
            running.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    concurrent.add(once(buyer, affiliate, product, cookie));
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();

        StringBuilder out = new StringBuilder();
        out.append("paid -> commission visible, ").append(Instant.now()).append(", load ")
                .append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
        out.append(report("sequential (1 at a time)", sequential));
        out.append(report("concurrent (" + THREADS + " buyers at once)", concurrent));
        System.out.println(out);
        Path file = Path.of("target", "paid-to-commission-bench.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    /** One order: created and its invoice opened (not timed), then paid on the sandbox and awaited as the affiliate. */
    private Sample once(Scenario.Account buyer, Scenario.Account affiliate, String product, String cookie)
            throws IOException, InterruptedException {
        String orderId = order(buyer, product, cookie, null);
        String paymentUrl = as(buyer.token()).post("/api/orders/" + orderId + "/payment").then().statusCode(201)
                .extract().path("paymentUrl");
        HttpRequest simulate = HttpRequest.newBuilder(URI.create(paymentUrl + "/simulate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"PAID\"}")).build();
        HttpRequest read = HttpRequest.newBuilder(gateway.resolve("/api/affiliate/commissions?size=20"))
                .header("Authorization", "Bearer " + affiliate.token()).GET().build();
        Instant simulated = Instant.now();
        HttpResponse<String> paid = HTTP.send(simulate, HttpResponse.BodyHandlers.ofString());
        if (paid.statusCode() != 200) {
            throw new AssertionError("simulate: " + paid.statusCode() + " " + paid.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> page = HTTP.send(read, HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() == 200 && page.body().contains(orderId)) {
                return new Sample(orderId, simulated, Instant.now());
            }
            Thread.sleep(2);
        }
        throw new AssertionError("commission of " + orderId + " not visible after 30 s");
    }

    private String report(String title, List<Sample> samples) throws SQLException {
        Map<String, List<Double>> segments = new LinkedHashMap<>();
        for (String s : List.of("simulate -> callback received", "callback received -> event recorded (in tx)",
                "recorded -> consumer tx started (commit+nudge+claim+HTTP)", "consumer tx -> commission row",
                "commission row -> relay marked SENT", "commission row -> first read showing it",
                "callback received -> visible (goal figure)", "simulate -> visible")) {
            segments.put(s, new ArrayList<>());
        }
        DatabaseAccess commerce = platform.database("commerce").orElseThrow();
        DatabaseAccess affiliate = platform.database("affiliate").orElseThrow();
        try (Connection c = SystemTestSupport.connect(commerce); Connection a = SystemTestSupport.connect(affiliate)) {
            for (Sample s : samples) {
                UUID order = UUID.fromString(s.orderId());
                Instant callback = one(c, """
                        SELECT min(cb.received_at) FROM payment_callback cb JOIN payment p ON p.id = cb.payment_id
                        WHERE p.order_id = ?""", order);
                Instant recorded;
                Instant sent;
                UUID event;
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT occurred_at, sent_at, event_id FROM outbox
                        WHERE destination = 'affiliate' AND event_type = 'commerce.order.paid' AND aggregate_id = ?""")) {
                    ps.setString(1, s.orderId());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        recorded = rs.getTimestamp(1).toInstant();
                        sent = rs.getTimestamp(2).toInstant();
                        event = rs.getObject(3, UUID.class);
                    }
                }
                Instant received = one(a, "SELECT received_at FROM inbox WHERE event_id = ?", event);
                Instant commission = one(a, "SELECT created_at FROM commission WHERE order_id = ?", order);
                add(segments, "simulate -> callback received", s.simulated(), callback);
                add(segments, "callback received -> event recorded (in tx)", callback, recorded);
                add(segments, "recorded -> consumer tx started (commit+nudge+claim+HTTP)", recorded, received);
                add(segments, "consumer tx -> commission row", received, commission);
                add(segments, "commission row -> relay marked SENT", commission, sent);
                add(segments, "commission row -> first read showing it", commission, s.visible());
                add(segments, "callback received -> visible (goal figure)", callback, s.visible());
                add(segments, "simulate -> visible", s.simulated(), s.visible());
            }
        }
        StringBuilder out = new StringBuilder(String.format("%n%s, n=%d%n", title, samples.size()));
        out.append(String.format("| %-58s | %8s | %8s | %8s |%n", "segment (ms)", "p50", "p99", "max"));
        out.append(String.format("|%s|%s|%s|%s|%n", "-".repeat(60), "-".repeat(10), "-".repeat(10), "-".repeat(10)));
        segments.forEach((name, values) -> {
            Collections.sort(values);
            out.append(String.format("| %-58s | %8.1f | %8.1f | %8.1f |%n", name, pct(values, 0.50), pct(values, 0.99),
                    values.get(values.size() - 1)));
        });
        return out.toString();
    }

    private static void add(Map<String, List<Double>> segments, String name, Instant from, Instant to) {
        segments.get(name).add(Duration.between(from, to).toNanos() / 1e6);
    }

    private static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    private static Instant one(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp(1) == null) {
                    throw new AssertionError("no row for " + id + ": " + sql);
                }
                Timestamp ts = rs.getTimestamp(1);
                return ts.toInstant();
            }
        }
    }
}
