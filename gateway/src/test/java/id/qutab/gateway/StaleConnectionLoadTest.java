package id.qutab.gateway;

import id.qutab.gateway.support.StubControl;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static id.qutab.gateway.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Clients that open a new connection per request, through a gateway whose services close idle keep-alive
 * connections aggressively. A correctness test: it counts answers, it does not time them.
 */
@QuarkusTest
@TestProfile(StaleConnectionProfile.class)
class StaleConnectionLoadTest {

    static final int CLIENTS = 4;
    static final int REQUESTS = Integer.getInteger("test.load-requests", 20_000);

    @TestHTTPResource("/")
    URL gateway;

    @ConfigProperty(name = "test.stubs.control-url")
    String controlUrl;

    @Test
    void aSafeRequestWhoseConnectionBreaksBeforeAnyAnswerIsSentOnceMoreOnANewConnection() {
        StubControl stubs = new StubControl(controlUrl);
        stubs.clear();
        // The stub reads the request and closes every connection it arrives on: the retry breaks as well.
        Response response = given().header("X-Stub-Close", "yes").get("/api/products?q=retry");
        assertProblem(response, 502, "upstream-error", "/api/products");
        List<Map<String, Object>> seen = stubs.requests();
        assertEquals(2, seen.size(), "one retry, no more: " + seen);
        assertEquals(List.of("GET", "GET"), seen.stream().map(r -> r.get("method")).toList());
    }

    @Test
    void aWriteThatMayHaveReachedTheServiceIsNeverSentAgain() {
        StubControl stubs = new StubControl(controlUrl);
        stubs.clear();
        Response response = given().header("X-Stub-Close", "yes").header("Idempotency-Key", "once-1")
                .contentType("application/json").body("{\"items\":[]}").post("/api/orders");
        assertProblem(response, 502, "upstream-error", "/api/orders");
        List<Map<String, Object>> seen = stubs.requests();
        assertEquals(1, seen.size(), "a POST the service may have acted on must not be repeated: " + seen);
        assertEquals("{\"items\":[]}", seen.get(0).get("body"));
    }

    @Test
    void noRequestFailsBecauseAPooledConnectionWasClosedUnderIt() throws Exception {
        new StubControl(controlUrl).clear();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> samples = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < REQUESTS / CLIENTS; i++) {
                    String answer = getOnNewConnection(gateway.getPort(), "/api/me");
                    int status = Integer.parseInt(answer.substring(9, 12));
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status != 200) {
                        synchronized (samples) {
                            if (samples.size() < 5) {
                                samples.add(answer);
                            }
                        }
                    }
                    // Irregular pauses let pooled connections reach the services' idle timeout now and then.
                    if (random.nextInt(4) == 0) {
                        Thread.sleep(random.nextInt(Integer.getInteger("test.pause-ms", 40)));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        String retries = given().get("/q/metrics").then().extract().asString().lines()
                .filter(line -> line.startsWith("qutab_gateway_upstream_retries_total")).toList().toString();
        System.out.println("StaleConnectionLoadTest statuses: " + counts + ", " + retries + " " + samples);
        assertEquals(Map.of(200, REQUESTS), counts, "answers by status; first failures: " + samples);
    }

    /** One request on a socket of its own, closed after the answer (like a client without keep-alive). */
    private static String getOnNewConnection(int port, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
