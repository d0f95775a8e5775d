package id.qutab.identity;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Whatever arrives, every endpoint answers 4xx problem+json, never 500 and never a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String[] BODIES = {
            "{",                                  // truncated
            "[]",                                 // wrong shape
            "\"just a string\"",
            "{\"email\": {\"$gt\": \"\"}, \"password\": [], \"token\": 1.5e308, \"refreshToken\": {}, "
                    + "\"name\": [\"x\"], \"phone\": {}, \"accountType\": [\"admin\"], \"currentPassword\": {}, \"newPassword\": []}",
            "{\"email\": \"a@b.co\" \"password\": \"x\"}", // missing comma
            "\u0000\u0001garbage",
    };

    @ParameterizedTest
    @ValueSource(strings = {
            "POST /api/auth/register", "POST /api/auth/login", "POST /api/auth/refresh", "POST /api/auth/logout",
            "POST /api/auth/verify-email", "POST /api/auth/forgot-password", "POST /api/auth/reset-password",
            "PATCH /api/me", "POST /api/me/password", "PUT /api/me/notifications"})
    void malformedAndMistypedBodiesAre400(String endpoint) {
        String[] parts = endpoint.split(" ");
        for (String body : BODIES) {
            request().body(body).request(parts[0], parts[1]).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("\tat ")));
        }
        // a wrong content type
        RestAssured.given().header("Authorization", "Bearer " + token()).contentType(ContentType.XML).body("<a/>")
                .request(parts[0], parts[1]).then().statusCode(415).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/users/x/disable", "/api/admin/users/123/enable",
            "/api/admin/users/' OR 1=1 --/disable"})
    void badIdsAre400(String path) {
        RestAssured.given().header("Authorization", "Bearer " + TestJwt.admin())
                .post(path.replace(" ", "%20").replace("'", "%27"))
                .then().statusCode(anyOf(is(400), is(404))).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"' OR 1=1 --", "%_%", "\\", "x'); DROP TABLE users; --"})
    void searchTextIsJustText(String q) {
        RestAssured.given().header("Authorization", "Bearer " + TestJwt.admin()).queryParam("q", q)
                .get("/api/admin/users").then().statusCode(200).body("total", is(0));
    }

    private static RequestSpecification request() {
        return RestAssured.given().header("Authorization", "Bearer " + token()).contentType(ContentType.JSON);
    }

    private static String token() {
        return TestJwt.customer(UUID.randomUUID());
    }

}
