package id.qutab.systemtests.edge;

import id.qutab.launcher.DatabaseAccess;
import id.qutab.launcher.Platform;
import id.qutab.systemtests.Scenario;
import id.qutab.systemtests.SystemTestSupport;
import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import javax.net.ssl.SSLContext;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS at the edge, end to end: Debian's caddy runs the production {@code deploy/caddy/Caddyfile} (with
 * {@code tls internal}) in front of a launcher-started platform whose gateway trusts forwarding headers from
 * 127.0.0.1 only (where Caddy connects from). Callers come from their own loopback addresses (127.0.0.2, …), so
 * what the services believe about "who is calling" is visible in what they do with it: the login slowdown per
 * address (identity) and unique referral visitors (affiliate), checked in their tables.
 */
class EdgeIT {

    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) EdgeIT/1.0";
    private static final String HSTS = "max-age=31536000; includeSubDomains";
    private static final String VISITOR_SALT = "edge-it-visitor-salt";
    /** Past this many failed logins in the window an address waits THROTTLE_DELAY before each check. */
    private static final int FREE_FAILURES = 2;
    private static final Duration THROTTLE_DELAY = Duration.ofSeconds(5);
    /** An address no caller has: only a believed spoof could put it into a table. */
    private static final String SPOOFED = "198.51.100.77";

    private static Platform platform;
    private static Caddy caddy;
    private static SSLContext trust;
    private static Path data;
    private static boolean failed;

    @RegisterExtension
    static final TestWatcher KEEP_DATA_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };

    @BeforeAll
    static void startPlatformBehindCaddy() throws Exception {
        long start = System.nanoTime();
        data = SystemTestSupport.newDataDir("edge");
        platform = Platform.start(SystemTestSupport.options(data)
                // Caddy connects to the gateway from 127.0.0.1; every caller comes from another loopback address.
                .env("QUTAB_GATEWAY_TRUSTED_PROXIES", "127.0.0.1")
                .env("QUTAB_AUTH_THROTTLE_ADDRESS_FREE_FAILURES", Integer.toString(FREE_FAILURES))
                .env("QUTAB_AUTH_THROTTLE_ADDRESS_DELAY_STEP", THROTTLE_DELAY.toMillis() + "ms")
                .env("QUTAB_AUTH_THROTTLE_ADDRESS_MAX_DELAY", THROTTLE_DELAY.toMillis() + "ms")
                .env("QUTAB_REFERRAL_VISITOR_SALT", VISITOR_SALT)
                .build());
        URI gateway = platform.gatewayUrl().orElseThrow();
        RestAssured.baseURI = gateway.toString();
        RestAssured.port = gateway.getPort();
        caddy = Caddy.start(data.resolve("caddy"), gateway.getPort());
        trust = caddy.trust(Duration.ofSeconds(30));
        awaitCaddyServes();
        System.out.printf("EdgeIT: platform and caddy up in %d s%n", Duration.ofNanos(System.nanoTime() - start).toSeconds());
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.reset();
        try {
            if (caddy != null) {
                caddy.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
        if (!failed && data != null) {
            SystemTestSupport.deleteDataDir(data);
        }
    }

    private static void awaitCaddyServes() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Caller probe = new Caller("127.0.0.1", trust)) {
            while (true) {
                try {
                    if (probe.get(https("/api/products"), Map.of()).status() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // the certificate is issued right after start; until then the handshake fails
                }
                if (System.nanoTime() > deadline || !caddy.isAlive()) {
                    throw new IllegalStateException("caddy does not serve " + https("/api/products") + ": " + caddy.log());
                }
                Thread.sleep(250);
            }
        }
    }

    static URI https(String pathAndQuery) {
        return URI.create("https://" + Caddy.DOMAIN + ":" + caddy.httpsPort + pathAndQuery);
    }

    static URI http(String pathAndQuery) {
        return URI.create("http://" + Caddy.DOMAIN + ":" + caddy.httpPort + pathAndQuery);
    }

    /** The gateway itself, past Caddy: what an outsider who found its port would call. */
    static URI direct(String pathAndQuery) {
        return platform.gatewayUrl().orElseThrow().resolve(pathAndQuery);
    }

    // --- HTTPS, HSTS, compression, redirect ---------------------------------------------------------------

    @Test
    void httpsAnswersFromTheServicesWithHsts() throws Exception {
        try (Caller caller = new Caller("127.0.0.2", trust)) {
            Caller.Reply products = caller.get(https("/api/products"), Map.of("Accept", "application/json"));
            assertEquals(200, products.status(), products.toString());
            assertEquals(HSTS, products.header("Strict-Transport-Security"));
            assertTrue(products.text().startsWith("{") && products.text().contains("\"items\""),
                    "commerce's product page, through Caddy and the gateway: " + products.text());
            assertTrue(products.header("X-Request-Id") != null, "the gateway's request id comes back through Caddy");
            assertEquals(null, products.header("Server"), "Caddy does not name itself");
        }
    }

    @Test
    void responsesAreCompressedForClientsThatAskForIt() throws Exception {
        try (Caller caller = new Caller("127.0.0.2", trust)) {
            Caller.Reply plain = caller.get(https("/admin/login"), Map.of());
            Caller.Reply gzip = caller.get(https("/admin/login"), Map.of("Accept-Encoding", "gzip"));
            assertEquals(200, plain.status(), plain.toString());
            assertEquals(null, plain.header("Content-Encoding"));
            assertEquals(200, gzip.status());
            assertEquals("gzip", gzip.header("Content-Encoding"));
            byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
            assertTrue(gzip.body().length < inflated.length, gzip.body().length + " compressed vs " + inflated.length);
            assertTrue(new String(inflated, StandardCharsets.UTF_8).contains("<form"), "the console's login page");
            assertEquals(HSTS, gzip.header("Strict-Transport-Security"));
        }
    }

    @Test
    void plainHttpIsRedirectedToHttps() throws Exception {
        try (Caller caller = new Caller("127.0.0.2", trust)) {
            Caller.Reply reply = caller.get(http("/r/XK7mP2q?to=x"), Map.of());
            assertTrue(reply.status() == 301 || reply.status() == 308, reply.toString());
            // Caddy's redirect names the standard port 443 (production), not the test's https port.
            assertEquals("https://" + Caddy.DOMAIN + "/r/XK7mP2q?to=x", reply.header("Location"));
            assertEquals(null, reply.header("Set-Cookie"), "nothing reached the referral redirect over plain HTTP");
        }
    }

    // --- The client address the services see --------------------------------------------------------------

    @Test
    void loginThrottlingSlowsTheGuessingCallerOnlyNotAnotherOne() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        try (Caller a = new Caller("127.0.0.2", trust); Caller b = new Caller("127.0.0.3", trust)) {
            for (int i = 0; i < FREE_FAILURES; i++) {
                Caller.Reply free = failedLogin(a, https("/api/auth/login"), Map.of());
                assertTrue(free.millis() < THROTTLE_DELAY.toMillis(), "failure " + (i + 1) + " is not slowed: " + free.millis());
            }
            Caller.Reply slowed = failedLogin(a, https("/api/auth/login"), Map.of());
            assertTrue(slowed.millis() >= THROTTLE_DELAY.toMillis(),
                    "past " + FREE_FAILURES + " failures caller A waits: " + slowed.millis() + " ms");
            Caller.Reply other = failedLogin(b, https("/api/auth/login"), Map.of());
            assertTrue(other.millis() < THROTTLE_DELAY.toMillis(),
                    "caller B, another address, is not slowed by A's failures: " + other.millis() + " ms");
        }
        Map<String, Integer> failures = loginFailuresByAddress(since);
        assertEquals(FREE_FAILURES + 1, failures.getOrDefault("127.0.0.2", 0), "A's failures under A's address: " + failures);
        assertEquals(1, failures.getOrDefault("127.0.0.3", 0), "B's failure under B's address: " + failures);
        assertFalse(failures.containsKey("127.0.0.1"), "nothing under Caddy's or the gateway's address: " + failures);
    }

    @Test
    void aSpoofedForwardedForIsIgnoredThroughCaddyAndDirectlyAtTheGateway() throws Exception {
        Instant since = Instant.now().minusSeconds(1);
        Map<String, String> spoof = Map.of("X-Forwarded-For", SPOOFED, "X-Real-IP", SPOOFED, "Forwarded", "for=" + SPOOFED);
        try (Caller viaCaddy = new Caller("127.0.0.4", trust); Caller direct = new Caller("127.0.0.5", trust)) {
            failedLogin(viaCaddy, https("/api/auth/login"), spoof);
            failedLogin(direct, direct("/api/auth/login"), spoof);
        }
        Map<String, Integer> failures = loginFailuresByAddress(since);
        assertFalse(failures.containsKey(SPOOFED), "a spoofed address reached identity: " + failures);
        assertEquals(1, failures.getOrDefault("127.0.0.4", 0), "through Caddy: the caller's own address " + failures);
        assertEquals(1, failures.getOrDefault("127.0.0.5", 0), "straight at the gateway: the caller's own address " + failures);
    }

    @Test
    void referralVisitorsAreTheCallersOwnAddresses() throws Exception {
        Scenario world = Scenario.asAdmin(platform.adminEmail(), platform.adminPassword());
        Scenario.Account affiliate = Scenario.register("affiliate", "Edge Affiliate");
        String code = world.approve(affiliate);
        String affiliateId = world.affiliateIdOf(affiliate);
        Instant since = Instant.now();
        try (Caller a = new Caller("127.0.0.2", trust); Caller b = new Caller("127.0.0.3", trust);
             Caller spoofViaCaddy = new Caller("127.0.0.6", trust); Caller spoofDirect = new Caller("127.0.0.7", trust)) {
            // Each spoofer claims to be A: believed, its visit would be A's second (not unique) one.
            Map<String, String> claimA = Map.of("X-Forwarded-For", "127.0.0.2");
            for (Map.Entry<Caller, URI> visit : List.of(
                    Map.entry(a, https("/r/" + code)), Map.entry(a, https("/r/" + code)), Map.entry(b, https("/r/" + code)),
                    Map.entry(spoofViaCaddy, https("/r/" + code)), Map.entry(spoofDirect, direct("/r/" + code)))) {
                Caller.Reply reply = visit.getKey().get(visit.getValue(), visit.getKey() == a || visit.getKey() == b ? Map.of() : claimA);
                assertEquals(302, reply.status(), reply.toString());
                assertTrue(String.valueOf(reply.header("Set-Cookie")).startsWith("qutab_ref="), reply.toString());
                Thread.sleep(20); // distinct click times: the order below is the order of the visits
            }
        }
        List<Map.Entry<String, Boolean>> clicks = awaitClicks(affiliateId, since, 5);
        Map<String, String> visitorOf = new LinkedHashMap<>();
        for (String address : List.of("127.0.0.2", "127.0.0.3", "127.0.0.6", "127.0.0.7", "127.0.0.1")) {
            visitorOf.put(visitorHash(address), address);
        }
        List<String> who = clicks.stream().map(c -> visitorOf.getOrDefault(c.getKey(), "someone else")).toList();
        List<Boolean> unique = clicks.stream().map(Map.Entry::getValue).toList();
        assertEquals(List.of("127.0.0.2", "127.0.0.2", "127.0.0.3", "127.0.0.6", "127.0.0.7"), who,
                "each click is hashed with its caller's own address");
        assertEquals(List.of(true, false, true, true, true), unique,
                "A twice is one unique visitor; B and both spoofers are visitors of their own");
    }

    // --- Body size limit and access log -------------------------------------------------------------------

    @Test
    void aBodyOverTheGatewaysLimitGetsTheGateways413() throws Exception {
        try (Caller caller = new Caller("127.0.0.8", trust)) {
            Caller.Reply tooLarge = caller.upload(https("/api/affiliate/bank-account/ktp"), "application/octet-stream",
                    new byte[10 * 1024 * 1024 + 1], Map.of());
            assertEquals(413, tooLarge.status(), tooLarge.toString());
            assertTrue(tooLarge.header("Content-Type").startsWith("application/problem+json"), tooLarge.toString());
            assertTrue(tooLarge.text().contains("\"status\":413"), "the gateway's own problem: " + tooLarge.text());
            assertEquals(HSTS, tooLarge.header("Strict-Transport-Security"));
        }
    }

    @Test
    void aKtpPhotoOfAlmostFiveMegabytesIsUploadedThroughCaddy() throws Exception {
        Scenario world = Scenario.asAdmin(platform.adminEmail(), platform.adminPassword());
        Scenario.Account affiliate = Scenario.register("affiliate", "Edge Uploader");
        world.approve(affiliate);
        awaitStatus(() -> RestAssured.given().auth().oauth2(affiliate.token()).get("/api/affiliate/bank-account").statusCode(), 200);
        RestAssured.given().auth().oauth2(affiliate.token()).contentType("application/json")
                .body(Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountHolder", "Edge Uploader",
                        "nik", "3201014501900001"))
                .put("/api/affiliate/bank-account").then().statusCode(200);

        byte[] photo = noisePng(1280, 1280); // noise does not compress: ~4.7 MiB, under payout's 5 MiB
        assertTrue(photo.length > 4 * 1024 * 1024 && photo.length < 5 * 1024 * 1024, "photo size " + photo.length);
        String boundary = "edge-it-" + UUID.randomUUID();
        byte[] multipart = multipart(boundary, "file", "ktp.png", "image/png", photo);
        try (Caller caller = new Caller("127.0.0.8", trust)) {
            Caller.Reply uploaded = caller.upload(https("/api/affiliate/bank-account/ktp"),
                    "multipart/form-data; boundary=" + boundary, multipart,
                    Map.of("Authorization", "Bearer " + affiliate.token()));
            assertEquals(201, uploaded.status(), uploaded.toString());
            assertTrue(uploaded.text().contains("\"ktpUploaded\":true"), uploaded.text());
        }
    }

    @Test
    void theAccessLogHasEachRequestButNoTokenFromTheQuery() throws Exception {
        String token = "edge-it-" + UUID.randomUUID();
        try (Caller caller = new Caller("127.0.0.9", trust)) {
            Caller.Reply reply = caller.get(https("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + token
                    + "&hub.challenge=4711"), Map.of());
            assertEquals(403, reply.status(), "identity refuses a wrong verify token: " + reply);
        }
        String line = awaitAccessLogLine("hub.challenge=4711");
        assertTrue(line.contains("\"remote_ip\":\"127.0.0.9\""), line);
        assertTrue(line.contains("\"status\":403"), line);
        assertFalse(caddy.accessLog().contains(token), "the verify token is not in Caddy's access log");
        assertFalse(line.contains(USER_AGENT), "no request headers in the access log: " + line);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static Caller.Reply failedLogin(Caller caller, URI uri, Map<String, String> headers) throws IOException {
        String body = "{\"email\":\"nobody-" + UUID.randomUUID() + "@qutab.edge.test\",\"password\":\"Wrong-password-1\"}";
        Caller.Reply reply = caller.post(uri, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
        assertEquals(401, reply.status(), reply.toString());
        return reply;
    }

    private static Connection database() throws SQLException {
        DatabaseAccess admin = platform.adminDatabase();
        return DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
    }

    private static String schema(String app) {
        return SystemTestSupport.definition(app).schema().orElseThrow();
    }

    private static Map<String, Integer> loginFailuresByAddress(Instant since) throws SQLException {
        Map<String, Integer> byAddress = new LinkedHashMap<>();
        try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT client_ip, count(*) FROM "
                + schema("identity") + ".login_failures WHERE failed_at >= ? GROUP BY client_ip")) {
            s.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byAddress.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return byAddress;
    }

    /** (visitor hash hex, unique visit) of the affiliate's clicks since then, oldest first, once there are n. */
    private static List<Map.Entry<String, Boolean>> awaitClicks(String affiliateId, Instant since, int n) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<Map.Entry<String, Boolean>> clicks = new ArrayList<>();
            try (Connection c = database(); PreparedStatement s = c.prepareStatement("SELECT visitor_hash, unique_visit FROM "
                    + schema("affiliate") + ".click WHERE affiliate_id = ?::uuid AND clicked_at >= ? ORDER BY clicked_at")) {
                s.setString(1, affiliateId);
                s.setTimestamp(2, Timestamp.from(since));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        clicks.add(Map.entry(HexFormat.of().formatHex(rs.getBytes(1)), rs.getBoolean(2)));
                    }
                }
            }
            if (clicks.size() >= n || System.nanoTime() > deadline) {
                assertEquals(n, clicks.size(), "clicks recorded: " + clicks);
                return clicks;
            }
            Thread.sleep(250);
        }
    }

    /** affiliate-service's UniqueVisitor: SHA-256(salt, 0, address, 0, user agent). */
    private static String visitorHash(String address) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(VISITOR_SALT.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(address.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(USER_AGENT.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void awaitStatus(java.util.function.IntSupplier status, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        int last;
        while ((last = status.getAsInt()) != expected) {
            assertTrue(System.nanoTime() < deadline, "still " + last + ", not " + expected);
            Thread.sleep(250);
        }
    }

    private static byte[] noisePng(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(14);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] multipart(String boundary, String field, String filename, String type, byte[] content)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static String awaitAccessLogLine(String marker) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            Optional<String> line = caddy.accessLog().lines().filter(l -> l.contains(marker)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            assertTrue(System.nanoTime() < deadline, "no access log line with " + marker + ": " + caddy.accessLog());
            Thread.sleep(100);
        }
    }
}
