package id.qutab.gateway;

import id.qutab.gateway.support.StubControl;
import id.qutab.gateway.support.UpstreamStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static id.qutab.gateway.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(UpstreamStubs.class)
class CorsTest {

    private static final String ALLOWED = "http://localhost:5173";
    private static final String OTHER = "https://evil.example";

    @ConfigProperty(name = "test.stubs.control-url")
    String controlUrl;

    StubControl stubs;

    @BeforeEach
    void forgetEarlierRequests() {
        stubs = new StubControl(controlUrl);
        stubs.clear();
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredByTheGateway() {
        Response response = given()
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, idempotency-key")
                .options("/api/orders");
        assertEquals(204, response.statusCode());
        assertEquals(ALLOWED, response.header("Access-Control-Allow-Origin"));
        assertEquals("true", response.header("Access-Control-Allow-Credentials"));
        assertTrue(response.header("Access-Control-Allow-Methods").contains("POST"));
        assertEquals("authorization, content-type, idempotency-key", response.header("Access-Control-Allow-Headers"));
        assertEquals("Origin", response.header("Vary"));
        assertNotNull(response.header("X-Request-Id"));
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void preflightsAreOneMetricNotOnePerPath() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "DELETE")
                .options("/api/wishlist/5b0e6c1e-9d1f-4d55-a1f0-0f3c2b7e8a11").then().statusCode(204);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/cors-preflight\""), "preflight template missing");
        assertTrue(!metrics.contains("5b0e6c1e-9d1f-4d55-a1f0-0f3c2b7e8a11"), "raw path leaked into metrics");
    }

    @Test
    void preflightFromAnotherOriginGetsNoAllowHeaders() {
        Response response = given()
                .header("Origin", OTHER)
                .header("Access-Control-Request-Method", "POST")
                .options("/api/orders");
        assertProblem(response, 403, "cors-origin-not-allowed", "/api/orders");
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertNull(response.header("Access-Control-Allow-Credentials"));
        assertNull(response.header("Access-Control-Allow-Methods"));
        assertEquals(List.of(), stubs.requests());
    }

    @Test
    void aRequestFromAnAllowedOriginGetsExactlyTheGatewaysCorsHeaders() {
        Response response = given().header("Origin", ALLOWED).get("/api/products");
        assertEquals(200, response.statusCode());
        // The stub sends "Access-Control-Allow-Origin: *"; the gateway's answer must be the only one.
        assertEquals(List.of(ALLOWED), response.headers().getValues("Access-Control-Allow-Origin"));
        assertEquals("true", response.header("Access-Control-Allow-Credentials"));
        String exposed = response.header("Access-Control-Expose-Headers");
        assertTrue(exposed.contains("X-Request-Id") && exposed.contains("Retry-After"), exposed);
    }

    @Test
    void aRequestFromAnotherOriginIsForwardedWithoutCorsHeaders() {
        Response response = given().header("Origin", OTHER).get("/api/products");
        assertEquals(200, response.statusCode());
        assertEquals("commerce", response.jsonPath().getString("upstream"));
        assertNull(response.header("Access-Control-Allow-Origin"));
        assertNull(response.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void gatewayErrorsCarryCorsHeadersSoTheBrowserCanReadThem() {
        Response response = given().header("Origin", ALLOWED).get("/nowhere");
        assertProblem(response, 404, "not-found", "/nowhere");
        assertEquals(ALLOWED, response.header("Access-Control-Allow-Origin"));
    }
}
