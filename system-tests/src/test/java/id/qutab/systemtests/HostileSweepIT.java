package id.qutab.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.qutab.launcher.Platform;
import id.qutab.launcher.RunningApp;
import id.qutab.systemtests.GatewayCalls.Reply;
import id.qutab.systemtests.OpenApiOperations.Operation;
import id.qutab.systemtests.OpenApiOperations.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The hostile sweep: every operation of every service's OpenAPI document, called through the gateway as anonymous,
 * customer, affiliate (approved) and admin, with hostile values in each path, query, header, cookie and body field
 * (overflowing and negative numbers, wrong types, NUL and control characters, 10 KB strings, 10 000-deep nesting,
 * duplicated keys, null, empty and malformed bodies, empty, wrong and truncated multipart parts).
 *
 * <p>Fails on any 5xx, any stack trace or exception class name in a body, and any non-public operation that answers
 * 2xx to an anonymous caller. Every failure is collected and reported at once (grouped by cause) in the assertion
 * message and in {@code target/hostile-sweep-report.txt}. 429 is not a failure (the test raises the limits so that
 * it is rare). The roles an operation is for get every variant; the other roles get the whole-body, paging and
 * path variants (what reaches a service before its role check).
 */
class HostileSweepIT {

    private static final String ADMIN_EMAIL = "admin@qutab.sweep.test";
    private static final String ADMIN_PASSWORD = "Sweep-admin-2026";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final int THREADS = 4;

    /** What anyone may call (API.md); everything else must refuse an anonymous caller. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /.well-known/jwks.json",
            "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh",
            "POST /api/auth/verify-email", "POST /api/auth/forgot-password", "POST /api/auth/reset-password",
            "GET /api/products", "GET /api/products/{id}", "GET /api/faq", "GET /media/products/{file}",
            "GET /r/{code}", "GET /api/support/contact");

    /**
     * Non-public operations that may answer 2xx to an anonymous caller, each with its reason. Keep this list short
     * and explicit: an entry here is a decision, not a way to silence the test.
     */
    private static final Map<String, String> ANONYMOUS_2XX_ALLOWED = Map.of(
            "POST /api/auth/logout",
            "API.md: 'any' caller; the refresh token in the body is the credential, and an unknown one is a no-op (204)");

    /**
     * Answers whose 2xx body may name exceptions: the dead-letter list shows admins why a delivery failed (the
     * consumer's error, e.g. a connection refused), which is its purpose.
     */
    private static final Set<String> LEAK_CHECK_SKIPPED_ON_2XX = Set.of(
            "GET /api/admin/events/{service}/dead-letters");

    /** Exception names, stack frames, framework and driver packages: none of it may reach a client. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\tat |\\bat [a-z]+\\.[a-z]+\\.|\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|org\\.hibernate|io\\.quarkus"
                    + "|io\\.vertx|io\\.smallrye|org\\.jboss|com\\.fasterxml|org\\.postgresql|SQLState|PSQLException"
                    + "|\\bERROR: |Caused by");

    /** Hostile values for path, query, header and cookie parameters, already URL-encoded where needed. */
    private static final List<Map.Entry<String, String>> HOSTILE_URL_VALUES = List.of(
            Map.entry("int overflow", "2147483648"),
            Map.entry("long overflow", "99999999999999999999"),
            Map.entry("negative", "-1"),
            Map.entry("NUL", "a%00b"),
            Map.entry("control chars", "%01%1F%7F%0D%0A"),
            Map.entry("10 KB", "x".repeat(10_240)),
            Map.entry("wrong type", "abc"),
            Map.entry("empty", ""),
            Map.entry("traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
            Map.entry("unicode", "%E2%80%AE%F0%9F%90%90"));

    /** Hostile JSON values for a body field. */
    private static final List<Map.Entry<String, String>> HOSTILE_JSON_VALUES = List.of(
            Map.entry("int overflow", "2147483648"),
            Map.entry("long overflow", "99999999999999999999"),
            Map.entry("negative", "-1"),
            Map.entry("double overflow", "1e400"),
            Map.entry("NUL", "\"a\\u0000b\""),
            Map.entry("control chars", "\"\\u0001\\u001f\\u007f\\r\\n\""),
            Map.entry("10 KB", "\"" + "x".repeat(10_240) + "\""),
            Map.entry("null", "null"),
            Map.entry("wrong type bool", "true"),
            Map.entry("wrong type object", "{}"),
            Map.entry("wrong type array", "[]"),
            Map.entry("deep nesting", "[".repeat(10_000) + "]".repeat(10_000)));
    /** For nested fields: fewer values, the ones that broke something somewhere. */
    private static final Set<String> NESTED_VALUES = Set.of("int overflow", "long overflow", "NUL", "10 KB", "null",
            "wrong type object");

    private static Platform platform;
    private static Path data;
    private static URI gateway;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    private static final Map<String, String> tokens = new LinkedHashMap<>();
    private static final Fixtures fx = new Fixtures();

    /** Ids of records the test created, to put real ids into paths and bodies. */
    private static final class Fixtures {
        String customerUserId;
        String affiliateId;
        String affiliateCode;
        String victimAffiliateId;
        String victimUserId;
        String product;
        String unpaidOrder;
        String paidOrder;
        final Map<String, String> firstIdOfList = new ConcurrentHashMap<>();
    }

    record Variant(String kind, String label, String role, String method, String pathAndQuery,
                   Map<String, String> headers, String contentType, byte[] body) {
    }

    record Failure(String cause, String operation, String role, String variant, int status, String excerpt) {
    }

    @BeforeAll
    static void start() throws Exception {
        data = SystemTestSupport.newDataDir("hostile-sweep");
        platform = Platform.start(SystemTestSupport.options(data)
                .env("QUTAB_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("QUTAB_ADMIN_PASSWORD", ADMIN_PASSWORD)
                // the sweep is one client sending thousands of requests: limits would hide the answers (429)
                .env("QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "1000000")
                .env("QUTAB_GATEWAY_RATE_LIMIT_REFERRAL_CAPACITY", "1000000")
                .env("QUTAB_AUTH_THROTTLE_MAX_FAILURES_PER_IP", "1000000")
                .env("QUTAB_AUTH_THROTTLE_MAX_FAILURES_PER_ACCOUNT", "1000000")
                .build());
        gateway = platform.gatewayUrl().orElseThrow();
        setUpFixtures();
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyOperationAnswersHostileInputWithoutA5xxAStackTraceOrAnAnonymousSuccess() throws Exception {
        long started = System.nanoTime();
        List<Operation> operations = new ArrayList<>();
        for (RunningApp app : platform.apps()) {
            if (app.openapiUrl().isEmpty()) {
                continue;
            }
            HttpResponse<String> doc = SystemTestSupport.get(URI.create(app.openapiUrl().get() + "?format=json"));
            assertEquals(200, doc.statusCode(), app.name() + " OpenAPI");
            operations.addAll(OpenApiOperations.parse(app.name(), OpenApiOperations.JSON.readTree(doc.body())));
        }
        assertTrue(operations.size() > 50, "operations found: " + operations.size());

        // Destructive operations last, so that a valid-but-harmful request cannot take the ground from under the
        // others: deletions after everything else, deleting one's own account (DELETE /api/me) at the very end.
        List<List<Operation>> phases = List.of(
                operations.stream().filter(o -> !o.method().equals("delete")).toList(),
                operations.stream().filter(o -> o.method().equals("delete") && !o.path().equals("/api/me")).toList(),
                operations.stream().filter(o -> o.method().equals("delete") && o.path().equals("/api/me")).toList());

        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> statusCounts = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (List<Operation> phase : phases) {
                List<Future<?>> running = new ArrayList<>();
                for (Operation op : phase) {
                    running.add(pool.submit(() -> {
                        for (String role : List.of("anonymous", "customer", "affiliate", "admin")) {
                            for (Variant v : variants(op, role)) {
                                requests.incrementAndGet();
                                check(op, v, statusCounts).ifPresent(failures::add);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String summary = String.format("hostile sweep: %d operations, %d requests in %d s; statuses %s; %d failures",
                operations.size(), requests.get(), took.toSeconds(), new TreeMap<>(statusCounts), failures.size());
        System.out.println(summary);
        String report = report(failures);
        Path out = SystemTestSupport.WORK.getParent().resolve("hostile-sweep-report.txt");
        StringBuilder notes = new StringBuilder("\nObservations (not failures): 4xx answers that are not application/problem+json\n");
        new TreeMap<>(NOT_PROBLEM_JSON).forEach((k, ops) -> notes.append("  ").append(k).append(": ").append(ops.size())
                .append(" operation/variant pairs, e.g. ").append(ops.stream().sorted().limit(5).toList()).append("\n"));
        System.out.println(notes);
        Files.writeString(out, summary + "\n\n" + report + notes);
        if (!failures.isEmpty()) {
            fail(summary + " (full report: " + out + ")\n" + report);
        }
        // PostgreSQL keeps writing into the data directory until it is stopped: stop everything, then delete it.
        platform.close();
        platform = null;
        SystemTestSupport.deleteDataDir(data);
    }

    // --- what is sent -----------------------------------------------------------------------------------

    private static List<Variant> variants(Operation op, String role) {
        boolean full = intendedRoles(op).contains(role);
        List<Variant> variants = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Parameter p : op.in("path")) {
            pathValues.put(p.name(), pathValue(op, p.name()));
        }
        Map<String, String> baseQuery = new LinkedHashMap<>();
        for (Parameter p : op.in("query")) {
            if (p.required()) {
                baseQuery.put(p.name(), urlSample(p));
            }
        }
        Map<String, String> baseHeaders = new LinkedHashMap<>();
        if (op.path().equals("/webhooks/zendit") && !role.equals("anonymous")) {
            baseHeaders.put("x-callback-token", "not-the-token");
        }
        Body base = baseBody(op);

        variants.add(variant(op, role, "baseline", "baseline", pathValues, baseQuery, baseHeaders, base.type, base.bytes));

        // path parameters
        for (Parameter p : op.in("path")) {
            List<Map.Entry<String, String>> values = full ? HOSTILE_URL_VALUES : HOSTILE_URL_VALUES.subList(0, 4);
            for (Map.Entry<String, String> value : values) {
                if (value.getValue().isEmpty()) {
                    continue; // an empty segment is another route, not a hostile value of this one
                }
                Map<String, String> path = new LinkedHashMap<>(pathValues);
                path.put(p.name(), value.getValue());
                variants.add(variant(op, role, "path " + value.getKey(), "path " + p.name() + "=" + value.getKey(),
                        path, baseQuery, baseHeaders, base.type, base.bytes));
            }
        }
        // query parameters; paging overflow for every role (it is what broke every list)
        Set<String> queryNames = new java.util.HashSet<>();
        op.in("query").forEach(p -> queryNames.add(p.name()));
        if (queryNames.contains("page")) {
            for (String paging : List.of("page=30000000&size=100", "page=2147483647", "page=2147483648",
                    "size=2147483647", "page=-1&size=-1", "page=99999999999999999999")) {
                Map<String, String> q = new LinkedHashMap<>(baseQuery);
                for (String pair : paging.split("&")) {
                    String[] kv = pair.split("=");
                    q.put(kv[0], kv[1]);
                }
                variants.add(variant(op, role, "paging overflow", "query " + paging, pathValues, q, baseHeaders,
                        base.type, base.bytes));
            }
        }
        if (full) {
            for (Parameter p : op.in("query")) {
                for (Map.Entry<String, String> value : HOSTILE_URL_VALUES) {
                    Map<String, String> q = new LinkedHashMap<>(baseQuery);
                    q.put(p.name(), value.getValue());
                    variants.add(variant(op, role, "query " + value.getKey(), "query " + p.name() + "=" + value.getKey(),
                            pathValues, q, baseHeaders, base.type, base.bytes));
                }
            }
            for (Parameter p : op.in("header")) {
                for (Map.Entry<String, String> value : List.of(Map.entry("10 KB", "x".repeat(10_240)),
                        Map.entry("spaces", "a b c"), Map.entry("long overflow", "99999999999999999999"))) {
                    Map<String, String> h = new LinkedHashMap<>(baseHeaders);
                    h.put(p.name(), value.getValue());
                    variants.add(variant(op, role, "header " + value.getKey(), "header " + p.name() + "=" + value.getKey(),
                            pathValues, baseQuery, h, base.type, base.bytes));
                }
            }
            for (Parameter p : op.in("cookie")) {
                for (Map.Entry<String, String> value : List.of(Map.entry("no click id", "ABCDEFG"),
                        Map.entry("separator only", "~"), Map.entry("overflow click id", "ABCDEFG~2147483648"),
                        Map.entry("10 KB", "x".repeat(10_240) + "~" + UUID.randomUUID()))) {
                    Map<String, String> h = new LinkedHashMap<>(baseHeaders);
                    h.put("Cookie", p.name() + "=" + value.getValue());
                    variants.add(variant(op, role, "cookie " + value.getKey(), "cookie " + p.name() + "=" + value.getKey(),
                            pathValues, baseQuery, h, base.type, base.bytes));
                }
            }
        }
        // bodies
        boolean sendsBody = !op.method().equals("get") && !op.method().equals("delete");
        if (base.multipart) {
            for (Map.Entry<String, Body> m : multipartVariants().entrySet()) {
                variants.add(variant(op, role, "multipart " + m.getKey(), "multipart " + m.getKey(), pathValues,
                        baseQuery, baseHeaders, m.getValue().type, m.getValue().bytes));
            }
        } else if (sendsBody) {
            for (Map.Entry<String, Body> b : wholeBodyVariants(base).entrySet()) {
                variants.add(variant(op, role, "body " + b.getKey(), "body " + b.getKey(), pathValues, baseQuery,
                        baseHeaders, b.getValue().type, b.getValue().bytes));
            }
            if (full && base.json instanceof ObjectNode object) {
                for (Map.Entry<String, String> field : fieldVariants(object).entrySet()) {
                    String kind = field.getKey().substring(field.getKey().indexOf('=') + 1);
                    variants.add(variant(op, role, "field " + kind, "field " + field.getKey(), pathValues, baseQuery,
                            baseHeaders, "application/json", field.getValue().getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return variants;
    }

    /** Who an operation is for: its security roles, else by its path; anonymous for the public ones. */
    private static Set<String> intendedRoles(Operation op) {
        Set<String> roles = new java.util.HashSet<>();
        if (PUBLIC.contains(op.id()) || !op.secured() && !op.path().startsWith("/api/")) {
            roles.add("anonymous");
        }
        for (String r : op.roles()) {
            if (r.isEmpty()) {
                roles.addAll(List.of("customer", "affiliate", "admin"));
            } else {
                roles.add(r);
            }
        }
        if (op.path().startsWith("/api/admin/")) {
            roles.add("admin");
        }
        if (roles.isEmpty()) {
            roles.addAll(List.of("anonymous", "customer"));
        }
        return roles;
    }

    private static Variant variant(Operation op, String role, String kind, String label, Map<String, String> path,
                                   Map<String, String> query, Map<String, String> headers, String contentType,
                                   byte[] body) {
        String p = op.path();
        for (Map.Entry<String, String> e : path.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            q.append(q.length() == 0 ? '?' : '&').append(e.getKey()).append('=').append(e.getValue());
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        String token = tokens.get(role);
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        return new Variant(kind, label, role, op.method().toUpperCase(), p + q, h, contentType, body);
    }

    private record Body(String type, byte[] bytes, JsonNode json, boolean multipart) {
    }

    private static Body baseBody(Operation op) {
        if (op.bodyType().isEmpty()) {
            return new Body(null, null, null, false);
        }
        String type = op.bodyType().get();
        if (type.startsWith("multipart/")) {
            return multipart("file", "photo.png", "image/png", png(), true);
        }
        JsonNode json;
        if (op.path().equals("/webhooks/zendit")) {
            ObjectNode callback = JsonNodeFactory.instance.objectNode();
            callback.put("id", "inv-sweep").put("external_id", UUID.randomUUID().toString()).put("status", "PAID")
                    .put("amount", 1000).put("paid_amount", 1000).put("paid_at", "2026-11-30T00:00:00Z")
                    .put("currency", "IDR");
            json = callback;
        } else if (!type.contains("json")) {
            json = JsonNodeFactory.instance.objectNode();
        } else {
            json = OpenApiOperations.sample(docOf(op), op.bodySchema().orElseThrow(), null, HostileSweepIT::sampleByName, 0);
        }
        return new Body("application/json", json.toString().getBytes(StandardCharsets.UTF_8), json, false);
    }

    private static final Map<String, JsonNode> DOCS = new ConcurrentHashMap<>();

    private static JsonNode docOf(Operation op) {
        return DOCS.computeIfAbsent(op.service(), service -> {
            try {
                RunningApp app = platform.app(service).orElseThrow();
                return OpenApiOperations.JSON.readTree(
                        SystemTestSupport.get(URI.create(app.openapiUrl().orElseThrow() + "?format=json")).body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static JsonNode sampleByName(String name, JsonNode schema) {
        JsonNodeFactory n = JsonNodeFactory.instance;
        return switch (name) {
            case "email" -> n.textNode("sweep-" + UNIQUE.incrementAndGet() + "@qutab.sweep.test");
            case "password", "newPassword", "currentPassword" -> n.textNode("Rahasia-2026-sweep");
            case "phone", "whatsapp" -> n.textNode("081234567890");
            case "productId" -> n.textNode(fx.product);
            case "affiliateId" -> n.textNode(fx.affiliateId);
            case "userId" -> n.textNode(fx.victimUserId);
            case "orderId" -> n.textNode(fx.paidOrder);
            case "accountType" -> n.textNode("customer");
            case "nik" -> n.textNode("3201014501900001");
            case "accountNumber" -> n.textNode("1234567890");
            case "bankCode" -> n.textNode("BCA");
            case "quantity" -> n.numberNode(1);
            default -> null;
        };
    }

    private static Map<String, Body> wholeBodyVariants(Body base) {
        Map<String, Body> bodies = new LinkedHashMap<>();
        String json = base.json == null ? "{}" : base.json.toString();
        bodies.put("empty", new Body("application/json", new byte[0], null, false));
        bodies.put("null", jsonBody("null"));
        bodies.put("array", jsonBody("[]"));
        bodies.put("string", jsonBody("\"x\""));
        bodies.put("malformed", jsonBody("{\"a\":"));
        bodies.put("duplicated key", jsonBody(duplicateFirstKey(base.json)));
        bodies.put("10000 nested arrays", jsonBody("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put("10000 nested objects", jsonBody("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        bodies.put("invalid UTF-8", new Body("application/json", invalidUtf8(json), null, false));
        bodies.put("wrong content type", new Body("text/plain", json.getBytes(StandardCharsets.UTF_8), null, false));
        bodies.put("NUL at top level", jsonBody("{\"a\u0000b\":1}"));
        return bodies;
    }

    private static Body jsonBody(String text) {
        return new Body("application/json", text.getBytes(StandardCharsets.UTF_8), null, false);
    }

    private static String duplicateFirstKey(JsonNode json) {
        if (json instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            String text = object.toString();
            return "{\"" + first + "\":" + object.get(first) + "," + text.substring(1);
        }
        return "{\"a\":1,\"a\":2}";
    }

    private static byte[] invalidUtf8(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int quote = json.indexOf(":\"");
        if (quote < 0) {
            return new byte[]{'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'};
        }
        byte[] out = new byte[text.length + 2];
        System.arraycopy(text, 0, out, 0, quote + 2);
        out[quote + 2] = (byte) 0xff;
        out[quote + 3] = (byte) 0xfe;
        System.arraycopy(text, quote + 2, out, quote + 4, text.length - quote - 2);
        return out;
    }

    /** The base body with one field (top level, or one level down) replaced by a hostile value, as JSON text. */
    private static Map<String, String> fieldVariants(ObjectNode base) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<String> it = base.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            for (Map.Entry<String, String> value : HOSTILE_JSON_VALUES) {
                out.put(field + "=" + value.getKey(), replaced(base, field, null, value.getValue()));
            }
            JsonNode child = base.get(field);
            JsonNode nested = child.isArray() && child.size() > 0 ? child.get(0) : child;
            if (nested instanceof ObjectNode object) {
                for (Iterator<String> inner = object.fieldNames(); inner.hasNext(); ) {
                    String name = inner.next();
                    for (Map.Entry<String, String> value : HOSTILE_JSON_VALUES) {
                        if (NESTED_VALUES.contains(value.getKey())) {
                            out.put(field + "." + name + "=" + value.getKey(), replaced(base, field, name, value.getValue()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String replaced(ObjectNode base, String field, String inner, String rawValue) {
        String marker = "\"@@HOSTILE@@\"";
        ObjectNode copy = base.deepCopy();
        if (inner == null) {
            copy.put(field, "@@HOSTILE@@");
        } else {
            JsonNode child = copy.get(field);
            ObjectNode target = (ObjectNode) (child.isArray() ? child.get(0) : child);
            target.put(inner, "@@HOSTILE@@");
        }
        return copy.toString().replace(marker, rawValue);
    }

    private static Map<String, Body> multipartVariants() {
        Map<String, Body> bodies = new LinkedHashMap<>();
        String boundary = "sweepBoundary7MA4YWxkTrZu0gW";
        bodies.put("empty body", new Body("multipart/form-data; boundary=" + boundary, new byte[0], null, true));
        bodies.put("closing boundary only", new Body("multipart/form-data; boundary=" + boundary,
                ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8), null, true));
        bodies.put("no boundary parameter", new Body("multipart/form-data", png(), null, true));
        bodies.put("wrong part name", multipart("photo", "a.png", "image/png", png(), true));
        bodies.put("text as png", multipart("file", "a.png", "image/png",
                "not an image at all".getBytes(StandardCharsets.UTF_8), true));
        bodies.put("empty file", multipart("file", "a.png", "image/png", new byte[0], true));
        bodies.put("truncated png", multipart("file", "a.png", "image/png", java.util.Arrays.copyOf(png(), 40), true));
        bodies.put("cut before closing boundary", multipart("file", "a.png", "image/png", png(), false));
        bodies.put("cut inside the part headers", new Body("multipart/form-data; boundary=" + boundary,
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fi").getBytes(StandardCharsets.UTF_8),
                null, true));
        bodies.put("NUL and 10 KB filename", multipart("file", "a\u0000" + "x".repeat(10_240) + ".png", "image/png",
                png(), true));
        bodies.put("json instead of multipart", new Body("application/json",
                "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8), null, true));
        return bodies;
    }

    private static Body multipart(String part, String filename, String type, byte[] content, boolean close) {
        String boundary = "sweepBoundary7MA4YWxkTrZu0gW";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        if (close) {
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Body("multipart/form-data; boundary=" + boundary, out.toByteArray(), null, true);
    }

    private static byte[] pngCache;

    private static synchronized byte[] png() {
        if (pngCache == null) {
            try {
                BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                pngCache = out.toByteArray();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return pngCache;
    }

    private static String urlSample(Parameter p) {
        String type = p.schema().path("type").asText("string");
        if (p.schema().has("enum") && p.schema().get("enum").size() > 0) {
            return p.schema().get("enum").get(0).asText();
        }
        return switch (type) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "uji";
        };
    }

    /** Real ids in paths (the test's own records), so that a hostile body reaches the code behind a found record. */
    private static String pathValue(Operation op, String name) {
        String path = op.path();
        switch (name) {
            case "service":
                return op.service();
            case "job":
                return switch (op.service()) {
                    case "commerce" -> "payment-expiry";
                    case "affiliate" -> "commission-maturation";
                    case "payout" -> "ktp-rekey";
                    default -> "no-such-job";
                };
            case "code":
                return fx.affiliateCode;
            case "file":
                return "none.png";
            case "productId":
                return fx.product;
            default:
                break;
        }
        if (path.startsWith("/api/admin/events/")) {
            return UUID.randomUUID().toString();
        }
        if (path.startsWith("/api/admin/affiliates/")) {
            return fx.victimAffiliateId;
        }
        if (path.startsWith("/api/admin/users/")) {
            return fx.victimUserId;
        }
        if (path.startsWith("/api/admin/orders/")) {
            return fx.paidOrder;
        }
        if (path.startsWith("/api/orders/")) {
            return fx.unpaidOrder;
        }
        if (path.startsWith("/api/products/") || path.startsWith("/api/admin/products/")) {
            return fx.product;
        }
        if (path.startsWith("/api/admin/")) {
            String list = path.substring(0, path.indexOf("/{"));
            return fx.firstIdOfList.computeIfAbsent(list, l -> {
                try {
                    JsonNode items = call("GET", l + "?size=1", tokens.get("admin"), null, null).json().path("items");
                    return items.size() > 0 ? items.get(0).path("id").asText(UUID.randomUUID().toString())
                            : UUID.randomUUID().toString();
                } catch (Exception e) {
                    return UUID.randomUUID().toString();
                }
            });
        }
        return UUID.randomUUID().toString();
    }

    // --- what is checked --------------------------------------------------------------------------------

    private static Optional<Failure> check(Operation op, Variant v, Map<String, AtomicInteger> statusCounts) {
        HttpResponse<byte[]> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.toString().replaceAll("/$", "")
                    + v.pathAndQuery())).timeout(REQUEST_TIMEOUT);
            v.headers().forEach(request::header);
            if (v.body() != null) {
                if (v.contentType() != null) {
                    request.header("Content-Type", v.contentType());
                }
                request.method(v.method(), HttpRequest.BodyPublishers.ofByteArray(v.body()));
            } else {
                request.method(v.method(), HttpRequest.BodyPublishers.noBody());
            }
            // The gateway's HTTP codec answers an over-long request line or header with "HTTP/1.0 414/431" and
            // closes the connection; the JDK client may still hand that connection to the next request, which
            // then fails with no answer. Such requests get a connection of their own.
            boolean oversized = v.pathAndQuery().length() > 4000
                    || v.headers().values().stream().anyMatch(h -> h.length() > 4000);
            HttpClient client = oversized ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build() : HTTP;
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IllegalArgumentException e) {
            // a request the HTTP client itself refuses to build (e.g. a header it forbids): nothing was sent
            statusCounts.computeIfAbsent("unsendable", k -> new AtomicInteger()).incrementAndGet();
            return Optional.empty();
        } catch (IOException e) {
            statusCounts.computeIfAbsent("no answer", k -> new AtomicInteger()).incrementAndGet();
            return Optional.of(new Failure("no answer (" + e.getClass().getSimpleName() + ")", op.id(), v.role(),
                    v.label(), 0, String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        statusCounts.computeIfAbsent(Integer.toString(status), k -> new AtomicInteger()).incrementAndGet();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = type.startsWith("application/pdf") || type.startsWith("image/")
                || type.startsWith("application/octet-stream") ? "" : new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 500) {
            return Optional.of(new Failure(status + " on " + v.kind(), op.id(), v.role(), v.label(), status, excerpt(body)));
        }
        java.util.regex.Matcher leak = LEAK.matcher(body);
        boolean leakAllowed = status < 300 && LEAK_CHECK_SKIPPED_ON_2XX.contains(op.id());
        if (!leakAllowed && leak.find()) {
            return Optional.of(new Failure("stack trace or exception name in the body (" + leak.group().trim() + ")",
                    op.id(), v.role(), v.label(), status, excerptAround(body, leak.start())));
        }
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            NOT_PROBLEM_JSON.computeIfAbsent(status + " " + (type.isEmpty() ? "(no content type)" : type),
                    k -> ConcurrentHashMap.newKeySet()).add(op.id() + " [" + v.kind() + "]");
        }
        if (v.role().equals("anonymous") && status >= 200 && status < 300 && !PUBLIC.contains(op.id())
                && !ANONYMOUS_2XX_ALLOWED.containsKey(op.id())) {
            return Optional.of(new Failure("non-public operation answered " + status + " to an anonymous caller",
                    op.id(), v.role(), v.label(), status, excerpt(body)));
        }
        return Optional.empty();
    }

    /** Not a failure of this test (its brief: 5xx, leaks, anonymous 2xx), but reported: 4xx that are not problem+json. */
    private static final Map<String, Set<String>> NOT_PROBLEM_JSON = new ConcurrentHashMap<>();

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").replace("\u0000", "\\0");
        return flat.length() > 200 ? flat.substring(0, 200) + "..." : flat;
    }

    private static String excerptAround(String body, int at) {
        int from = Math.max(0, at - 80);
        return excerpt(body.substring(from, Math.min(body.length(), at + 120)));
    }

    /** Grouped by cause, then by operation: one line per (operation, role) with the variants that failed. */
    private static String report(List<Failure> failures) {
        Map<String, Map<String, List<Failure>>> byCause = new TreeMap<>();
        for (Failure f : failures) {
            byCause.computeIfAbsent(f.cause(), k -> new TreeMap<>())
                    .computeIfAbsent(f.operation() + " as " + f.role(), k -> new ArrayList<>()).add(f);
        }
        StringBuilder out = new StringBuilder();
        byCause.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Map<String, List<Failure>>> e) ->
                        -e.getValue().values().stream().mapToInt(List::size).sum()))
                .forEach(cause -> {
                    int count = cause.getValue().values().stream().mapToInt(List::size).sum();
                    out.append("== ").append(cause.getKey()).append(": ").append(count).append(" requests, ")
                            .append(cause.getValue().size()).append(" operation/role pairs\n");
                    cause.getValue().forEach((opRole, list) -> {
                        out.append("  ").append(opRole).append(": ");
                        out.append(String.join(", ", list.stream().map(Failure::variant).distinct().limit(12).toList()));
                        if (list.size() > 12) {
                            out.append(", ... (").append(list.size()).append(" in all)");
                        }
                        out.append("\n      e.g. ").append(list.get(0).status()).append(" ").append(list.get(0).excerpt())
                                .append("\n");
                    });
                });
        return out.toString();
    }

    // --- fixtures ---------------------------------------------------------------------------------------

    private static void setUpFixtures() throws Exception {
        tokens.put("anonymous", null);
        String admin = login(ADMIN_EMAIL, ADMIN_PASSWORD);
        tokens.put("admin", admin);

        String[] customer = register("customer");
        fx.customerUserId = customer[0];
        tokens.put("customer", customer[1]);

        String[] affiliate = register("affiliate");
        tokens.put("affiliate", affiliate[1]);
        String[] approved = applyAndApprove(affiliate, admin);
        fx.affiliateId = approved[0];
        fx.affiliateCode = approved[1];

        String[] victim = register("affiliate");
        fx.victimUserId = victim[0];
        fx.victimAffiliateId = applyAndApprove(victim, admin)[0];

        fx.product = call("POST", "/api/admin/products", admin, "application/json",
                "{\"name\":\"Kambing Sweep\",\"category\":\"kambing\",\"description\":\"uji\",\"price\":3250000,"
                        + "\"stock\":1000000,\"active\":true}").expect(201).json().path("id").asText();
        call("POST", "/api/admin/coupons", admin, "application/json",
                "{\"code\":\"SWEEP10\",\"discountType\":\"PERCENT\",\"discountValue\":10,\"active\":true}").expect(201);
        call("POST", "/api/admin/faq", admin, "application/json",
                "{\"question\":\"Apa itu qurban?\",\"answer\":\"Ibadah.\",\"category\":\"umum\"}");

        String order = "{\"items\":[{\"productId\":\"" + fx.product + "\",\"quantity\":1,\"onBehalfOf\":[\"Ahmad\"]}],"
                + "\"recipient\":{\"name\":\"Budi\",\"phone\":\"081234567890\",\"location\":\"Bogor\"}}";
        fx.unpaidOrder = call("POST", "/api/orders", customer[1], "application/json", order).expect(201).json()
                .path("id").asText();
        fx.paidOrder = call("POST", "/api/orders", customer[1], "application/json", order).expect(201).json()
                .path("id").asText();
        String paymentUrl = call("POST", "/api/orders/" + fx.paidOrder + "/payment", customer[1], null, null)
                .expect(201).json().path("paymentUrl").asText();
        Reply paid = send("POST", URI.create(paymentUrl + "/simulate"), null, "application/json", "{\"status\":\"PAID\"}");
        assertEquals(200, paid.status(), paid.body());
        await("order paid", () -> "PAID".equals(call("GET", "/api/orders/" + fx.paidOrder, customer[1], null, null)
                .json().path("status").asText()));
        // a bank account, so that the admin's bank-account operations find one
        await("payout account opened", () -> call("GET", "/api/affiliate/bank-account", affiliate[1], null, null)
                .status() == 200);
        call("PUT", "/api/affiliate/bank-account", affiliate[1], "application/json",
                "{\"bankCode\":\"BCA\",\"accountNumber\":\"1234567890\",\"accountHolder\":\"Siti\",\"nik\":\"3201014501900001\"}")
                .expect(200);
    }

    private static String[] register(String type) throws Exception {
        String email = type + "-" + UNIQUE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6)
                + "@qutab.sweep.test";
        String password = "Rahasia-2026-" + type;
        String id = call("POST", "/api/auth/register", null, "application/json",
                "{\"name\":\"Uji " + type + "\",\"email\":\"" + email + "\",\"phone\":\"081234567890\",\"password\":\""
                        + password + "\",\"accountType\":\"" + type + "\"}").expect(201).json().path("id").asText();
        return new String[]{id, login(email, password)};
    }

    private static String login(String email, String password) throws Exception {
        return call("POST", "/api/auth/login", null, "application/json",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").expect(200).json()
                .path("accessToken").asText();
    }

    /** Returns {affiliateId, code}. */
    private static String[] applyAndApprove(String[] user, String admin) throws Exception {
        call("POST", "/api/affiliate/application", user[1], "application/json",
                "{\"firstName\":\"Uji\",\"lastName\":\"Sweep\",\"whatsapp\":\"081298765432\",\"city\":\"Bogor\","
                        + "\"reason\":\"Saya ingin membantu tetangga berqurban\"}").expect(201);
        String[] id = new String[1];
        await("affiliate of " + user[0] + " listed", () -> {
            for (JsonNode item : call("GET", "/api/admin/affiliates?size=100", admin, null, null).json().path("items")) {
                if (user[0].equals(item.path("userId").asText())) {
                    id[0] = item.path("id").asText();
                    return true;
                }
            }
            return false;
        });
        String code = call("POST", "/api/admin/affiliates/" + id[0] + "/approve", admin, "application/json", "{}")
                .expect(200).json().path("code").asText();
        return new String[]{id[0], code};
    }

    static Reply call(String method, String path, String token, String contentType, String body) {
        return send(method, URI.create(gateway.toString().replaceAll("/$", "") + path), token, contentType, body);
    }

    static Reply send(String method, URI uri, String token, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return GatewayCalls.exchange(HTTP, method, uri, REQUEST_TIMEOUT, headers, body);
    }

    static void await(String what, GatewayCalls.Condition condition) throws Exception {
        GatewayCalls.await(what, Duration.ofSeconds(45), condition);
    }
}
