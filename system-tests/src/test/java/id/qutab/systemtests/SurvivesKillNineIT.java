package id.qutab.systemtests;

import id.qutab.systemtests.GatewayCalls.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.launcher.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The money path survives kill -9. Customers click affiliates' referral links, order with the cookie and pay on
 * the Zendit sandbox, through the gateway, a few at a time, while affiliate-service, payout-service and
 * commerce-service are killed with SIGKILL at random moments (seeded; the seed is printed; {@code
 * -Dqutab.kill9.seed=} replays a run) and restarted through the launcher. The client retries what failed while a
 * service was down, as a real client does (the same {@code Idempotency-Key} for an order).
 *
 * <p>Then, within 60 s of the last restart, the end state must be exact: every order PAID once, one commission
 * per order for the affiliate of its link, with {@code floor(total × rate / 10000)} at the configured rate, the
 * payout ledger holding each commission once with the same amount, each affiliate's pending balance equal to the
 * sum of their commissions, each event emitted and applied once, and no outbox row left undelivered or DEAD in
 * any schema. The run time and the convergence time are printed and written to {@code target/kill9-report.txt}.
 */
class SurvivesKillNineIT {

    private static final String ADMIN_EMAIL = "admin@qutab.kill9.test";
    private static final String ADMIN_PASSWORD = "Kill9-admin-2026";
    private static final int ORDERS = 210;
    private static final int THREADS = 4;
    private static final int AFFILIATES = 4;
    private static final int IN_FLIGHT_AT_KILL = 2 * THREADS;
    private static final int CUSTOMERS = 6;
    /** Low enough that no affiliate reaches the next tier during the run (Silver: 25 000 000 of sales). */
    private static final long PRICE = 123_457;
    private static final List<String> VICTIMS = List.of("commerce", "affiliate", "payout");
    private static final Duration CONVERGENCE_LIMIT = Duration.ofSeconds(60);
    /** How long the client keeps retrying one step (a restart takes a few seconds; this is generous). */
    private static final Duration STEP_RETRY_LIMIT = Duration.ofSeconds(120);
    private static final List<String> SCHEMAS = List.of("identity", "commerce", "affiliate", "payout");

    private static Platform platform;
    private static Path data;
    private static URI gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private record Affiliate(String userId, String token, String affiliateId, String code) {
    }

    private record Placed(String orderId, String affiliateId, String code) {
    }

    @BeforeAll
    static void start() throws IOException {
        data = SystemTestSupport.newDataDir("kill9");
        platform = Platform.start(SystemTestSupport.options(data)
                .env("QUTAB_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("QUTAB_ADMIN_PASSWORD", ADMIN_PASSWORD)
                // exact counts: only the test's own orders
                .env("QUTAB_DEMO_SEED", "false")
                // one test machine clicks and logs in for many people
                .env("QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "100000")
                .env("QUTAB_GATEWAY_RATE_LIMIT_REFERRAL_CAPACITY", "100000")
                // a real provider retries a failed callback for hours; the sandbox's default (6 tries, ~31 s)
                // is shorter than a restart under load can take, which would test the sandbox, not Qutab
                .env("ZENDIT_SANDBOX_CALLBACK_MAX_ATTEMPTS", "10")
                .build());
        gateway = platform.gatewayUrl().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void referralOrdersPaidWhileServicesAreKilledEndExactlyOnce() throws Exception {
        long seed = Long.getLong("qutab.kill9.seed", System.currentTimeMillis());
        System.out.println("kill -9 test: seed " + seed + " (replay with -Dqutab.kill9.seed=" + seed + ")");
        Random random = new Random(seed);
        long runStarted = System.nanoTime();

        // --- set-up: admin, affiliates (applied, approved, known to commerce), customers, a product ------------
        String admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        List<Affiliate> affiliates = new ArrayList<>();
        for (int i = 0; i < AFFILIATES; i++) {
            affiliates.add(approvedAffiliate(admin, i));
        }
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(register("customer", "Pelanggan " + i)[1]);
        }
        String product = call("POST", "/api/admin/products", admin, json(Map.of("name", "Kambing Kill Sembilan",
                "category", "kambing", "description", "uji kill -9", "price", PRICE, "stock", 100_000, "active", true)),
                Map.of()).expect(201).json().path("id").asText();
        int rateBps = configuredRate(admin, "kambing");
        int bronzeBonus = bronzeBonus(admin);
        awaitSql("commerce knows every affiliate code", Duration.ofSeconds(45),
                "SELECT count(*) FROM commerce.affiliate_code", AFFILIATES);
        GatewayCalls.await("every affiliate's payout account opened", Duration.ofSeconds(45), () -> {
            for (Affiliate a : affiliates) {
                if (call("GET", "/api/affiliate/balance", a.token(), null, Map.of()).status() != 200) {
                    return false;
                }
            }
            return true;
        });

        // --- the kill plan: every victim at least once, at random points of the order sequence -----------------
        List<String> kills = new ArrayList<>(VICTIMS);
        kills.add(VICTIMS.get(random.nextInt(VICTIMS.size())));
        kills.add(VICTIMS.get(random.nextInt(VICTIMS.size())));
        Collections.shuffle(kills, random);
        List<Integer> at = new ArrayList<>();
        while (at.size() < kills.size() - 1) {
            int point = 10 + random.nextInt(ORDERS * 8 / 10 - 10);
            if (!at.contains(point)) {
                at.add(point);
            }
        }
        Collections.sort(at);
        at.add(ORDERS * 85 / 100 + random.nextInt(ORDERS / 10)); // the last one near the end of the run
        List<Long> downtimesMs = new ArrayList<>();
        for (int i = 0; i < kills.size(); i++) {
            downtimesMs.add((long) random.nextInt(3000));
        }
        System.out.println("kill plan: " + kills + " after orders " + at + ", down for " + downtimesMs + " ms");

        // --- customers order and pay, while the killer kills ----------------------------------------------------
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        List<Placed> placed = new CopyOnWriteArrayList<>();
        Map<String, AtomicInteger> retries = new ConcurrentHashMap<>();
        List<String> killLog = new CopyOnWriteArrayList<>();
        AtomicLong lastRestartReady = new AtomicLong();
        long placementStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        List<Future<?>> workers = new ArrayList<>();
        AtomicInteger killsIssued = new AtomicInteger();
        Future<?> killer = pool.submit(() -> {
            for (int i = 0; i < kills.size(); i++) {
                while (done.get() < at.get(i)) {
                    Thread.sleep(20);
                }
                String victim = kills.get(i);
                long pid = platform.kill(victim);
                killsIssued.incrementAndGet();
                long killedAt = System.nanoTime();
                Thread.sleep(downtimesMs.get(i));
                long newPid = platform.restart(victim).pid();
                lastRestartReady.set(System.nanoTime());
                String line = String.format("killed %s (pid %d) after %d orders, restarted as pid %d, down %.1f s",
                        victim, pid, at.get(i), newPid, (System.nanoTime() - killedAt) / 1e9);
                System.out.println(line);
                killLog.add(line);
            }
            return null;
        });
        for (int t = 0; t < THREADS; t++) {
            long workerSeed = random.nextLong();
            workers.add(pool.submit(() -> {
                Random r = new Random(workerSeed);
                for (int n = next.getAndIncrement(); n < ORDERS; n = next.getAndIncrement()) {
                    // Placement must not run ahead of the kill plan (a slow restart would otherwise let every
                    // order finish before the next kill): at most IN_FLIGHT_AT_KILL orders past a planned kill
                    // point start before that kill, so the kill meets orders in flight and the ones after it
                    // meet the service down.
                    for (int k = killsIssued.get(); k < at.size() && n >= at.get(k) + IN_FLIGHT_AT_KILL;
                         k = killsIssued.get()) {
                        Thread.sleep(10);
                    }
                    Affiliate affiliate = affiliates.get(n % AFFILIATES);
                    String customer = customers.get(r.nextInt(CUSTOMERS));
                    int quantity = 1 + r.nextInt(3);
                    placed.add(orderAndPay(customer, affiliate, product, quantity, retries));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> w : workers) {
                w.get();
            }
            killer.get();
        } finally {
            pool.shutdownNow();
        }
        long placementEnded = System.nanoTime();
        long lastRestart = lastRestartReady.get();
        assertEquals(ORDERS, placed.size());
        assertEquals(kills.size(), killLog.size(), "every planned kill happened");

        // --- convergence: poll until the expected end state, at most 60 s after the last restart ----------------
        long from = Math.max(lastRestart, placementEnded);
        long deadline = from + CONVERGENCE_LIMIT.toNanos();
        List<String> orderIds = placed.stream().map(Placed::orderId).toList();
        String lastDifference = "";
        long convergedAt = 0;
        String firstDifference = null;
        while (System.nanoTime() < deadline) {
            lastDifference = differences(placed, rateBps + bronzeBonus, affiliates, false);
            if (firstDifference == null) {
                firstDifference = lastDifference; // what was still on its way when the client was done
            }
            if (lastDifference.isEmpty()) {
                convergedAt = System.nanoTime();
                break;
            }
            Thread.sleep(500);
        }
        long runEnded = System.nanoTime();
        String report = String.format(
                "kill -9 test: seed %d; %d orders by %d threads; kills: %s%n"
                        + "client retries by step: %s; %s%n"
                        + "run time %.1f s (placement %.1f s); %s",
                seed, orderIds.size(), THREADS, killLog, new java.util.TreeMap<>(retries), callbacksRetried(),
                (runEnded - runStarted) / 1e9, (placementEnded - placementStarted) / 1e9,
                convergedAt == 0
                        ? "NOT converged within " + CONVERGENCE_LIMIT.toSeconds() + " s of the last restart"
                        : String.format("converged %.1f s after the last restart (%.1f s after the last payment)",
                        (convergedAt - lastRestart) / 1e9, (convergedAt - placementEnded) / 1e9));
        System.out.println(report);
        Files.writeString(SystemTestSupport.WORK.getParent().resolve("kill9-report.txt"), report + "\n"
                + (lastDifference.isEmpty() ? "" : "differences at the deadline:\n" + lastDifference + "\n")
                + "still on its way when the client was done:\n" + firstDifference + "\n");
        if (convergedAt == 0) {
            fail(report + "\nthe end state at the deadline differs from the expected one:\n" + lastDifference);
        }
        // converged: the detailed checks once more, with everything that only holds at the end
        String final_ = differences(placed, rateBps + bronzeBonus, affiliates, true);
        assertTrue(final_.isEmpty(), report + "\n" + final_);
        // PostgreSQL keeps writing into the data directory until it is stopped: stop everything, then delete it.
        platform.close();
        platform = null;
        SystemTestSupport.deleteDataDir(data);
    }

    /** Payments made while commerce was down: the sandbox's log shows their callbacks failing, then retried. */
    private static String callbacksRetried() {
        try (var lines = Files.lines(platform.app("zendit").orElseThrow().log())) {
            long invoices = lines.filter(l -> l.contains("retrying in"))
                    .map(l -> l.replaceAll(".*for invoice (\\S+).*", "$1")).distinct().count();
            return invoices + " payment callbacks failed at first (commerce down) and were retried by the sandbox";
        } catch (IOException | RuntimeException e) {
            return "sandbox log unreadable: " + e;
        }
    }

    // --- the client: what a customer's browser does, retrying what fails while a service is down -------------

    private static Placed orderAndPay(String customer, Affiliate affiliate, String product, int quantity,
                                      Map<String, AtomicInteger> retries) throws Exception {
        // the click: 302 with the attribution cookie
        String cookie = retry("click", retries, () -> {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/r/" + affiliate.code()))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 302) {
                return null;
            }
            return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("qutab_ref="))
                    .map(c -> c.substring("qutab_ref=".length(), c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                    .findFirst().orElse(null);
        });
        String idempotencyKey = UUID.randomUUID().toString();
        String body = json(Map.of(
                "items", List.of(Map.of("productId", product, "quantity", quantity,
                        "onBehalfOf", java.util.stream.IntStream.range(0, quantity).mapToObj(i -> "Ahmad " + i).toList())),
                "recipient", Map.of("name", "Budi Santoso", "phone", "081234567890", "location", "Bogor")));
        String orderId = retry("order", retries, () -> {
            Reply r = call("POST", "/api/orders", customer, body,
                    Map.of("Idempotency-Key", idempotencyKey, "Cookie", "qutab_ref=" + cookie));
            if (r.status() == 201 || r.status() == 200) {
                return r.json().path("id").asText();
            }
            if (r.status() >= 400 && r.status() < 500 && r.status() != 408 && r.status() != 409 && r.status() != 429) {
                throw new AssertionError("order refused: " + r.status() + " " + r.body());
            }
            return null;
        });
        String paymentUrl = retry("payment", retries, () -> {
            Reply r = call("POST", "/api/orders/" + orderId + "/payment", customer, null, Map.of());
            if (r.status() == 201 || r.status() == 200) {
                return r.json().path("paymentUrl").asText();
            }
            if (r.status() >= 400 && r.status() < 500 && r.status() != 408 && r.status() != 409 && r.status() != 429) {
                throw new AssertionError("payment refused: " + r.status() + " " + r.body());
            }
            return null;
        });
        // the sandbox is never killed; its callback reaches commerce through the gateway, retried while it fails
        Reply paid = send("POST", URI.create(paymentUrl + "/simulate"), null, "{\"status\":\"PAID\"}", Map.of());
        assertEquals(200, paid.status(), "sandbox simulate: " + paid.body());
        return new Placed(orderId, affiliate.affiliateId(), affiliate.code());
    }

    interface Step<T> {
        T attempt() throws Exception;
    }

    /** Repeats a step until it gives a value: connection refused, 502/503/504, 5xx, 429 are retried. */
    private static <T> T retry(String name, Map<String, AtomicInteger> retries, Step<T> step) throws Exception {
        long deadline = System.nanoTime() + STEP_RETRY_LIMIT.toNanos();
        while (true) {
            try {
                T value = step.attempt();
                if (value != null) {
                    return value;
                }
            } catch (IOException e) {
                // the service or the connection went away: try again
            }
            retries.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " still failing after " + STEP_RETRY_LIMIT.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    // --- the expected end state ------------------------------------------------------------------------------

    /** Every way the current state differs from the expected one; empty when it is exact. */
    private static String differences(List<Placed> placed, int bps, List<Affiliate> affiliates, boolean full)
            throws Exception {
        List<String> out = new ArrayList<>();
        Map<String, Placed> byOrder = new HashMap<>();
        placed.forEach(p -> byOrder.put(p.orderId(), p));
        int n = placed.size();
        try (Connection c = SystemTestSupport.connect(platform.adminDatabase())) {
            // commerce: every order paid, attributed to the link's affiliate; nothing but the test's orders
            Map<String, Long> totals = new HashMap<>();
            int paid = 0;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id::text, status, total, referral_affiliate_id::text, attribution_source FROM commerce.customer_order")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    Placed p = byOrder.get(rs.getString(1));
                    if (p == null) {
                        out.add("commerce has an order the test did not place (a duplicate?): " + rs.getString(1));
                        continue;
                    }
                    totals.put(p.orderId(), rs.getLong(3));
                    if ("PAID".equals(rs.getString(2))) {
                        paid++;
                    }
                    if (!p.affiliateId().equals(rs.getString(4)) || !"LINK".equals(rs.getString(5))) {
                        out.add("order " + p.orderId() + " attributed to " + rs.getString(4) + " (" + rs.getString(5)
                                + "), expected " + p.affiliateId() + " (LINK)");
                    }
                }
                if (rows != n) {
                    out.add("commerce has " + rows + " orders, the test placed " + n);
                }
            }
            if (paid != n) {
                out.add(paid + " of " + n + " orders are PAID");
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT count(*) FROM commerce.payment WHERE status = 'PAID'")) {
                rs.next();
                if (rs.getInt(1) != n) {
                    out.add(rs.getInt(1) + " PAID payments for " + n + " orders");
                }
            }

            // affiliate: one commission per order, the exact amount, for the link's affiliate
            Map<String, Long> commissionAmount = new HashMap<>();
            Map<String, Long> sumByAffiliate = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id::text, order_id::text, affiliate_id::text, amount, rate_bps, tier_bonus_bps, sales_amount, status"
                            + " FROM affiliate.commission")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    String order = rs.getString(2);
                    Placed p = byOrder.get(order);
                    if (p == null) {
                        out.add("commission " + rs.getString(1) + " for an unknown order " + order);
                        continue;
                    }
                    long total = totals.getOrDefault(order, -1L);
                    long expected = Math.floorDiv(total * bps, 10_000L);
                    if (rs.getLong(4) != expected || rs.getLong(7) != total) {
                        out.add("commission of order " + order + ": amount " + rs.getLong(4) + " on " + rs.getLong(7)
                                + " at " + rs.getInt(5) + "+" + rs.getInt(6) + " bps, expected " + expected + " = floor("
                                + total + " × " + bps + " / 10000)");
                    }
                    if (!p.affiliateId().equals(rs.getString(3))) {
                        out.add("commission of order " + order + " went to " + rs.getString(3) + ", expected " + p.affiliateId());
                    }
                    if (!"PENDING".equals(rs.getString(8))) {
                        out.add("commission of order " + order + " is " + rs.getString(8) + ", expected PENDING");
                    }
                    commissionAmount.put(rs.getString(1), rs.getLong(4));
                    sumByAffiliate.merge(rs.getString(3), rs.getLong(4), Long::sum);
                }
                if (rows != n) {
                    out.add(rows + " commissions for " + n + " paid orders");
                }
            }

            // payout: the ledger holds each commission once, with its amount
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT commission_id::text, amount, state FROM payout.ledger_commission")) {
                int rows = 0;
                while (rs.next()) {
                    rows++;
                    Long expected = commissionAmount.get(rs.getString(1));
                    if (expected == null || expected != rs.getLong(2) || !"PENDING".equals(rs.getString(3))) {
                        out.add("ledger commission " + rs.getString(1) + ": " + rs.getLong(2) + " " + rs.getString(3)
                                + ", expected " + expected + " PENDING");
                    }
                }
                if (rows != commissionAmount.size()) {
                    out.add(rows + " ledger commissions for " + commissionAmount.size() + " commissions");
                }
            }
            count(c, out, "ledger entries CREATED", "SELECT count(*) FROM payout.ledger_entry WHERE kind = 'CREATED'", n);
            count(c, out, "ledger entries other than CREATED", "SELECT count(*) FROM payout.ledger_entry WHERE kind <> 'CREATED'", 0);

            // events: emitted once per order and destination, applied once, nothing undelivered, nothing DEAD
            for (String schema : SCHEMAS) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT status, event_type, destination, aggregate_id, attempts, next_attempt_at, lease_until,"
                                + " now(), left(last_error, 200) FROM " + schema + ".outbox WHERE status <> 'SENT'"
                                + " ORDER BY seq LIMIT 10")) {
                    while (rs.next()) {
                        out.add(schema + " outbox row " + rs.getString(1) + ": " + rs.getString(2) + " to "
                                + rs.getString(3) + " of " + rs.getString(4) + ", " + rs.getInt(5)
                                + " attempts, next at " + rs.getString(6) + ", lease until " + rs.getString(7)
                                + " (now " + rs.getString(8) + "), last error: " + rs.getString(9));
                    }
                }
            }
            if (full) {
                for (String type : List.of("commerce.order.created", "commerce.order.paid")) {
                    perDestination(c, out, "commerce", type, n);
                }
                perDestination(c, out, "affiliate", "affiliate.commission.created", n);
                count(c, out, "affiliate inbox commerce.order.paid",
                        "SELECT count(*) FROM affiliate.inbox WHERE event_type = 'commerce.order.paid'", n);
                count(c, out, "payout inbox affiliate.commission.created",
                        "SELECT count(*) FROM payout.inbox WHERE event_type = 'affiliate.commission.created'", n);
                for (String schema : SCHEMAS) {
                    count(c, out, schema + " DEAD outbox rows",
                            "SELECT count(*) FROM " + schema + ".outbox WHERE status = 'DEAD'", 0);
                }
            }
            // balances through the API: pending = the sum of the affiliate's commissions
            if (full) {
                for (Affiliate a : affiliates) {
                    Reply balance = call("GET", "/api/affiliate/balance", a.token(), null, Map.of());
                    long expected = sumByAffiliate.getOrDefault(a.affiliateId(), 0L);
                    JsonNode b = balance.json();
                    if (balance.status() != 200 || b.path("pending").asLong(-1) != expected
                            || b.path("available").asLong(-1) != 0 || b.path("paidOut").asLong(-1) != 0) {
                        out.add("balance of " + a.code() + ": " + balance.status() + " " + balance.body()
                                + ", expected pending " + expected);
                    }
                }
            }
        } catch (SQLException e) {
            out.add("database: " + e.getMessage());
        }
        return String.join("\n", out.stream().limit(60).toList())
                + (out.size() > 60 ? "\n... " + (out.size() - 60) + " more" : "");
    }

    private static void count(Connection c, List<String> out, String what, String sql, int expected) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (rs.getInt(1) != expected) {
                out.add(what + ": " + rs.getInt(1) + ", expected " + expected);
            }
        }
    }

    /** One row per order and destination of an event type: none emitted twice, none missing. */
    private static void perDestination(Connection c, List<String> out, String schema, String type, int n)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT destination, count(*), count(DISTINCT aggregate_id) FROM "
                + schema + ".outbox WHERE event_type = ? GROUP BY destination")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    if (rs.getInt(2) != n || rs.getInt(3) != n) {
                        out.add(schema + " outbox " + type + " to " + rs.getString(1) + ": " + rs.getInt(2) + " rows for "
                                + rs.getInt(3) + " aggregates, expected " + n);
                    }
                }
                if (!any) {
                    out.add(schema + " outbox has no " + type + " row (delivered rows cleaned already?)");
                }
            }
        }
    }

    // --- set-up steps ---------------------------------------------------------------------------------------

    private static Affiliate approvedAffiliate(String admin, int i) throws Exception {
        String[] user = register("affiliate", "Afiliasi " + i);
        call("POST", "/api/affiliate/application", user[1], json(Map.of("firstName", "Afiliasi", "lastName", "Nomor " + i,
                "whatsapp", "081298765432", "city", "Bogor", "reason", "Saya ingin membantu tetangga berqurban")),
                Map.of()).expect(201);
        String[] id = new String[1];
        GatewayCalls.await("affiliate " + i + " listed", Duration.ofSeconds(30), () -> {
            for (JsonNode item : call("GET", "/api/admin/affiliates?size=100", admin, null, Map.of()).json().path("items")) {
                if (user[0].equals(item.path("userId").asText())) {
                    id[0] = item.path("id").asText();
                    return true;
                }
            }
            return false;
        });
        String code = call("POST", "/api/admin/affiliates/" + id[0] + "/approve", admin, "{}", Map.of())
                .expect(200).json().path("code").asText();
        return new Affiliate(user[0], user[1], id[0], code);
    }

    private static int configuredRate(String admin, String category) {
        for (JsonNode rule : call("GET", "/api/admin/commission-rules?size=100", admin, null, Map.of()).expect(200)
                .json().path("items")) {
            if (category.equals(rule.path("category").asText())) {
                return rule.path("rateBps").asInt();
            }
        }
        throw new AssertionError("no commission rule for " + category);
    }

    /** The bonus of the lowest tier (every affiliate of this run stays in it). */
    private static int bronzeBonus(String admin) {
        JsonNode lowest = null;
        for (JsonNode tier : call("GET", "/api/admin/tiers?size=100", admin, null, Map.of()).expect(200).json().path("items")) {
            if (lowest == null || tier.path("minSales90d").asLong() < lowest.path("minSales90d").asLong()) {
                lowest = tier;
            }
        }
        assertTrue(lowest != null && lowest.path("minSales90d").asLong(-1) == 0, "a tier from 0: " + lowest);
        return lowest.path("bonusBps").asInt();
    }

    private static String[] register(String type, String name) {
        String email = type + "-" + UUID.randomUUID().toString().substring(0, 8) + "@qutab.kill9.test";
        String password = "Rahasia-2026-" + type;
        String id = call("POST", "/api/auth/register", null, json(Map.of("name", name, "email", email,
                "phone", "081234567890", "password", password, "accountType", type)), Map.of())
                .expect(201).json().path("id").asText();
        return new String[]{id, login(email, password)};
    }

    private static String login(String email, String password) {
        return call("POST", "/api/auth/login", null, json(Map.of("email", email, "password", password)), Map.of())
                .expect(200).json().path("accessToken").asText();
    }

    // --- plumbing -------------------------------------------------------------------------------------------

    private static String json(Object value) {
        try {
            return OpenApiOperations.JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URI uri(String path) {
        return URI.create(gateway.toString().replaceAll("/$", "") + path);
    }

    private static Reply call(String method, String path, String token, String body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        return send(method, uri(path), token == null ? null : token, body, h);
    }

    private static Reply send(String method, URI uri, String token, String body, Map<String, String> headers) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (body != null) {
            h.put("Content-Type", "application/json");
        }
        return GatewayCalls.exchange(HTTP, method, uri, Duration.ofSeconds(20), h, body);
    }

    private static void awaitSql(String what, Duration limit, String sql, int expected) throws Exception {
        GatewayCalls.await(what, limit, () -> {
            try (Connection c = SystemTestSupport.connect(platform.adminDatabase()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                return rs.next() && rs.getInt(1) == expected;
            }
        });
    }
}
