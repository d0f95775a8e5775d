package id.qutab.gateway;

import id.qutab.gateway.support.RawHttp;
import id.qutab.gateway.support.StubControl;
import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static id.qutab.gateway.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class RoutingTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @TestHTTPResource("/")
    URL gateway;

    StubControl stubs;

    @BeforeEach
    void forgetEarlierRequests() {
        // Read, not injected: RoutingIT runs these against the packaged gateway, where nothing can be injected.
        stubs = new StubControl(ConfigProvider.getConfig().getValue("test.stubs.control-url", String.class));
        stubs.clear();
    }

    @ParameterizedTest
    @CsvSource({
            "/api/affiliate/balance, payout",
            "/api/affiliate/bank-account/ktp, payout",
            "/api/affiliate/dashboard, affiliate",
            "/api/affiliate/coupons, commerce",
            "/api/admin/jobs/payment-expiry/run, commerce",
            "/api/admin/jobs/commission-maturation/run, affiliate",
            "/api/admin/jobs/click-cleanup/run, affiliate",
            "/api/admin/events/payout/dead-letters, payout",
            "/api/admin/events/identity/dead-letters/7/replay, identity",
            "/api/admin/users, identity",
            "/api/me, identity",
            "/api/me/password, identity",
            "/api/auth/register, identity",
            "/.well-known/jwks.json, identity",
            "/api/products/3f2a, commerce",
            "/api/admin/payouts/export.csv, payout",
            "/webhooks/zendit, commerce",
            "/media/products/1.jpg, commerce",
            "/r/XK7mP2q, affiliate",
            "/api/admin/reports/sales, commerce",
            "/api/admin/reports/orders-pipeline, commerce",
            "/api/admin/reports/affiliates, affiliate",
            "/api/admin/reports/liabilities, payout",
            "/api/admin/jobs/sales-rollup/run, commerce",
            "/api/support/contact, commerce",
            "/api/loyalty, commerce",
            "/api/loyalty/rewards/9/redeem, commerce",
            "/api/admin/loyalty/customers/5/adjust, commerce",
            "/api/me/family, commerce",
            "/api/me/family/3, commerce",
            "/api/me/notifications, identity",
            "/api/admin/notifications/templates/2, identity",
            "/api/admin/notifications/messages, identity",
            "/webhooks/whatsapp, identity",
            "/api/admin/jobs/loyalty-tiers/run, commerce",
            "/api/admin/jobs/loyalty-expiry/run, commerce",
            "/api/admin/jobs/reminders/run, commerce",
            "/admin, console",
            "/admin/, console",
            "/admin/orders/3f2a, console",
            "/admin/webjars/chart.js/4.4.1/dist/chart.umd.js, console",
    })
    void routesEachPathToTheServiceWithTheLongestMatchingPrefix(String path, String service) {
        given().get(path).then()
                .statusCode(200)
                .body("upstream", equalTo(service))
                .body("path", equalTo(path))
                .body("method", equalTo("GET"));
        assertEquals(1, stubs.requests().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/merchants", "/api/loyaltyx", "/api/meta/x", "/api/auth", "/api/productsx", "/r", "/nope", "/", "/api",
            "/administrator", "/admins/x"})
    void aPrefixOnlyMatchesOnPathSegmentBoundaries(String path) {
        assertProblem(given().get(path), 404, "not-found", path);
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void methodQueryBodyAndAuthorizationReachTheServiceUnchanged() {
        String body = "{\"items\":[{\"productId\":\"p1\",\"quantity\":2}],\"note\":\"Sapi \u00e9\"}";
        Response response = given()
                .urlEncodingEnabled(false)
                .header("Authorization", "Bearer aaa.bbb.ccc")
                .header("Idempotency-Key", "k-1")
                .contentType("application/json")
                .body(body)
                .post("/api/orders?page=2&q=sapi%20kurban&tag=a&tag=b");
        response.then().statusCode(200)
                .body("upstream", equalTo("commerce"))
                .body("method", equalTo("POST"))
                .body("path", equalTo("/api/orders"))
                .body("query", equalTo("page=2&q=sapi%20kurban&tag=a&tag=b"))
                .body("body", equalTo(body))
                .body("headers.authorization", equalTo("Bearer aaa.bbb.ccc"))
                .body("headers.idempotency-key", equalTo("k-1"))
                .body("headers.content-type", matchesPattern("application/json.*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsAreForwardedAsTheyAre(String method) {
        given().body("x").request(method, "/api/wishlist/p1").then()
                .statusCode(200)
                .body("method", equalTo(method))
                .body("upstream", equalTo("commerce"));
    }

    @Test
    void aServicesErrorIsPassedThroughUntouched() {
        given().header("X-Stub-Status", "409").post("/api/orders/1/cancel").then()
                .statusCode(409)
                .body("upstream", equalTo("commerce"));
    }

    @Test
    void generatesARequestIdWhenTheClientSentNoneAndGivesTheServiceTheSameOne() {
        Response response = given().get("/api/products");
        String requestId = response.header("X-Request-Id");
        assertTrue(requestId.matches(UUID), requestId);
        assertEquals(requestId, response.jsonPath().getString("headers.x-request-id"));
        // The service echoes it too; the client still gets exactly one.
        assertEquals(1, response.headers().getValues("X-Request-Id").size());
    }

    @Test
    void echoesASaneClientRequestId() {
        Response response = given().header("X-Request-Id", "web-7f3a:2.b_c").get("/api/products");
        assertEquals("web-7f3a:2.b_c", response.header("X-Request-Id"));
        assertEquals("web-7f3a:2.b_c", response.jsonPath().getString("headers.x-request-id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "x\u00e9"})
    void replacesAnInsaneClientRequestId(String insane) {
        Response response = given().header("X-Request-Id", insane).get("/api/products");
        String requestId = response.header("X-Request-Id");
        assertTrue(requestId.matches(UUID), requestId);
        assertEquals(requestId, response.jsonPath().getString("headers.x-request-id"));
    }

    @Test
    void replacesATooLongClientRequestId() {
        String tooLong = "a".repeat(101);
        Response response = given().header("X-Request-Id", tooLong).get("/api/products");
        assertTrue(response.header("X-Request-Id").matches(UUID));
        String justRight = "b".repeat(100);
        assertEquals(justRight, given().header("X-Request-Id", justRight).get("/api/products").header("X-Request-Id"));
    }

    @Test
    void setsForwardingHeadersFromTheConnectionAndIgnoresTheClients() {
        int port = gateway.getPort();
        Response response = given()
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6")
                .get("/api/products");
        response.then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + port))
                .body("headers.x-forwarded-port", equalTo(String.valueOf(port)));
        Map<String, Object> headers = response.jsonPath().getMap("headers");
        assertNull(headers.get("forwarded"));
        assertNull(headers.get("x-real-ip"));
    }

    @Test
    void aClientWaitingFor100ContinueIsToldToGoOnAndTheBodyArrives() throws Exception {
        Map.Entry<String, RawHttp.Response> exchange = RawHttp.postExpectingContinue(gateway.getPort(), "/api/orders", "hello");
        assertEquals("HTTP/1.1 100 Continue", exchange.getKey());
        assertEquals(200, exchange.getValue().status(), exchange.getValue().body());
        List<Map<String, Object>> seen = stubs.requests();
        assertEquals(1, seen.size());
        assertEquals("hello", seen.get(0).get("body"));
        // The gateway already answered the Expect; the service must not wait for a body it will not be asked for.
        assertNull(((Map<?, ?>) seen.get(0).get("headers")).get("expect"));
    }

    @Test
    void internalEventDeliveryIsNeverForwarded() {
        assertProblem(given().contentType("application/json").body("{}").post("/internal/events"),
                404, "not-found", "/internal/events");
        assertProblem(given().get("/internal"), 404, "not-found", "/internal");
        assertEquals(List.of(), stubs.requests());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/orders/../internal/events",
            "/api/orders/%2e%2e/internal/events",
            "/api/affiliate/%2E%2E/%2e%2E/../internal/events",
            "/r/../../internal/events",
    })
    void dotSegmentsCannotReachInternalPaths(String rawPath) throws Exception {
        RawHttp.Response response = RawHttp.get(gateway.getPort(), rawPath);
        assertProblem(response, 404, "not-found");
        assertEquals(List.of(), stubs.requests());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/orders%2F..%2F..%2Finternal%2Fevents",
            "/api/orders/..;/..;/internal/events",
            "/api/orders/%5c..%5cinternal",
    })
    void ambiguousPathSpellingsAreRefused(String rawPath) throws Exception {
        RawHttp.Response response = RawHttp.get(gateway.getPort(), rawPath);
        assertProblem(response, 400, "ambiguous-path");
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void aServicesOwnQuarkusEndpointsAreNeverForwarded() throws Exception {
        // Resolves to the gateway's own /q/health/live, which the gateway answers itself.
        RawHttp.Response own = RawHttp.get(gateway.getPort(), "/api/products/../../q/health/live");
        assertEquals(200, own.status());
        assertTrue(own.body().contains("\"UP\""), own.body());
        // A /q path the gateway does not serve is a 404 from the gateway, not a service's page.
        assertProblem(given().get("/q/openapi"), 404, "not-found", "/q/openapi");
        assertProblem(given().get("/q/nothing/here"), 404, "not-found", "/q/nothing/here");
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void unknownPathIsAProblemWithTheRequestId() {
        Response response = given().header("X-Request-Id", "trace-404").get("/api/unknown/thing");
        assertProblem(response, 404, "not-found", "/api/unknown/thing");
        assertEquals("trace-404", response.jsonPath().getString("requestId"));
        assertEquals("Not Found", response.jsonPath().getString("title"));
    }

    @Test
    void theGatewaysOwnHealthAndMetricsStillWork() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.identity", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.commerce", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.affiliate", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.payout", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.console", equalTo("UP"));
        // Readiness probes of the services are not forwarded traffic.
        assertEquals(List.of(), stubs.requests());

        given().get("/api/products/abc-123").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // Proxied requests are tagged by route, not by the raw path with its ids.
        assertTrue(metrics.contains("uri=\"/api/products/**\""), "route template missing from metrics");
        assertTrue(!metrics.contains("/api/products/abc-123"), "raw path leaked into metrics");
    }
}
