package id.qutab.gateway;

import id.qutab.gateway.support.RawHttp;
import id.qutab.gateway.support.StubControl;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static id.qutab.gateway.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(EdgeFailuresProfile.class)
class EdgeFailuresTest {

    @ConfigProperty(name = "test.stubs.control-url")
    String controlUrl;

    @TestHTTPResource("/")
    URL gateway;

    StubControl stubs;

    @BeforeEach
    void forgetEarlierRequests() {
        stubs = new StubControl(controlUrl);
        stubs.clear();
    }

    @Test
    void aServiceThatIsDownGivesA502ProblemAtOnce() {
        long start = System.nanoTime();
        Response response = given().header("X-Request-Id", "down-1").get("/api/affiliate/balance");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertProblem(response, 502, "upstream-unavailable", "/api/affiliate/balance");
        assertEquals("Bad Gateway", response.jsonPath().getString("title"));
        assertEquals("down-1", response.jsonPath().getString("requestId"));
        assertTrue(elapsedMs < 2000, "took " + elapsedMs + " ms");
    }

    @Test
    void aBodySentToAServiceThatIsDownStillGetsA502Problem() {
        long start = System.nanoTime();
        Response response = given().contentType("application/json").body("{\"amount\":150000}")
                .header("Idempotency-Key", "p-1").post("/api/affiliate/payouts");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertProblem(response, 502, "upstream-unavailable", "/api/affiliate/payouts");
        assertTrue(elapsedMs < 2000, "took " + elapsedMs + " ms");
        // The connection is still good for the next request.
        given().get("/api/products").then().statusCode(200).body("upstream", equalTo("commerce"));
    }

    @Test
    void aServiceThatIsTooSlowGivesA504ProblemWithinTheResponseTimeout() {
        long start = System.nanoTime();
        Response response = given().header("X-Stub-Delay-Ms", "5000").get("/api/products");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertProblem(response, 504, "upstream-timeout", "/api/products");
        assertEquals("Gateway Timeout", response.jsonPath().getString("title"));
        assertTrue(elapsedMs >= 450 && elapsedMs < 2000, "took " + elapsedMs + " ms");
    }

    @Test
    void aServiceThatIsSlowButInTimeIsWaitedFor() {
        given().header("X-Stub-Delay-Ms", "200").get("/api/products").then()
                .statusCode(200).body("upstream", equalTo("commerce"));
    }

    @Test
    void loginIsRateLimitedPerAddressWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            given().contentType("application/json").body("{\"email\":\"a@b.id\",\"password\":\"x\"}")
                    .post("/api/auth/login").then().statusCode(200).body("upstream", equalTo("identity"));
        }
        Response refused = given().contentType("application/json").body("{\"email\":\"a@b.id\",\"password\":\"x\"}")
                .post("/api/auth/login");
        assertProblem(refused, 429, "rate-limited", "/api/auth/login");
        // 3 per hour, refilled gradually: the next token comes in 20 minutes.
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 1100 && retryAfter <= 1200, "Retry-After " + retryAfter);
        // The same bucket covers all of /api/auth/**; other paths are not limited by it.
        assertEquals(429, given().post("/api/auth/refresh").statusCode());
        given().get("/api/products").then().statusCode(200);
        long logins = stubs.requests().stream().filter(r -> "/api/auth/login".equals(r.get("path"))).count();
        assertEquals(3, logins);
    }

    @Test
    void aBodyDeclaredTooLargeIsRefusedBeforeForwarding() {
        Response response = given().contentType("text/plain").body("x".repeat(2000)).post("/api/orders");
        assertProblem(response, 413, "payload-too-large", "/api/orders");
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void aChunkedBodyThatGrowsTooLargeIsCutOffWith413() throws Exception {
        RawHttp.Response response = RawHttp.postChunked(gateway.getPort(), "/api/orders",
                List.of("a".repeat(600), "b".repeat(600), "c".repeat(600)));
        assertProblem(response, 413, "payload-too-large");
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStreamedThrough() throws Exception {
        RawHttp.Response response = RawHttp.postChunked(gateway.getPort(), "/api/orders",
                List.of("a".repeat(300), "b".repeat(300)));
        assertEquals(200, response.status(), response.body());
        List<Map<String, Object>> seen = stubs.requests();
        assertEquals(1, seen.size());
        assertEquals("a".repeat(300) + "b".repeat(300), seen.get(0).get("body"));
    }

    @Test
    void readinessIsDownWhileAServiceIsDownButLivenessIsNot() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.payout", startsWith("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.identity", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.commerce", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
