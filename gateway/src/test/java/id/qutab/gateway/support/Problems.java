package id.qutab.gateway.support;

import io.restassured.response.Response;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Checks the whole RFC 9457 shape the gateway promises, not just the status. */
public final class Problems {

    private Problems() {
    }

    public static void assertProblem(Response response, int status, String slug, String instance) {
        assertEquals(status, response.statusCode(), () -> "body: " + response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertEquals("https://qutab.id/problems/" + slug, response.jsonPath().getString("type"));
        assertEquals(status, response.jsonPath().getInt("status"));
        assertNotNull(response.jsonPath().getString("title"));
        assertFalse(response.jsonPath().getString("detail").isBlank());
        assertEquals(instance, response.jsonPath().getString("instance"));
        String requestId = response.header("X-Request-Id");
        assertNotNull(requestId, "X-Request-Id header");
        assertEquals(requestId, response.jsonPath().getString("requestId"));
    }

    public static void assertProblem(RawHttp.Response response, int status, String slug) {
        assertEquals(status, response.status(), () -> "body: " + response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(response.body());
        assertEquals("https://qutab.id/problems/" + slug, json.getString("type"));
        assertEquals(status, json.getInt("status"));
        assertNotNull(response.header("x-request-id"));
        assertEquals(response.header("x-request-id"), json.getString("requestId"));
    }
}
