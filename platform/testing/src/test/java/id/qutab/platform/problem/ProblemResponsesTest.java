package id.qutab.platform.problem;

import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

/** Hostile input on the shared error path: always a 4xx problem+json, never a 500 or a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", ").post("/test/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/malformed-body"))
                .body("title", notNullValue()).body("status", equalTo(400)).body("detail", notNullValue())
                .body(not(containsString("jackson")));
    }

    @Test
    void wrongTypesAre400NamingTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"category\":\"sapi\",\"quantity\":\"many\"}")
                .post("/test/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("quantity"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"category\":\"sapi\",\"quantity\":1.5}")
                .post("/test/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("quantity"));
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"category\":\"sapi\",\"quantity\":\"2\"}")
                .post("/test/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("quantity"));
        given().contentType(ContentType.JSON).body("[1,2,3]").post("/test/things")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownEnumValueIs400() {
        given().contentType(ContentType.JSON).body("{\"name\":\"x\",\"category\":\"unta\",\"quantity\":1}")
                .post("/test/things")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("category"));
    }

    @Test
    void validationFailuresListEveryField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"category\":null,\"quantity\":0,\"items\":[{\"productId\":null,\"quantity\":0}]}")
                .post("/test/things")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/validation"))
                .body("errors.field", containsInAnyOrder("name", "category", "quantity",
                        "items[0].productId", "items[0].quantity"));
    }

    @Test
    void anEmptyBodyIs400() {
        given().contentType(ContentType.JSON).post("/test/things")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aTwoMegabyteBodyIs413() {
        char[] filler = new char[2 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        given().contentType(ContentType.JSON).body("{\"name\":\"" + new String(filler) + "\"}").post("/test/things")
                .then().statusCode(413).contentType(PROBLEM).body("status", equalTo(413));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("name=x").post("/test/things")
                .then().statusCode(415).contentType(PROBLEM).body("status", equalTo(415));
    }

    @Test
    void aMalformedIdIs400AndAnUnknownPathIs404() {
        given().get("/test/things/not-a-uuid").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(id.qutab.testing.TestJwt.admin())
                .get("/api/admin/events/platformtest/dead-letters?page=abc").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(id.qutab.testing.TestJwt.admin())
                .get("/api/admin/events/platformtest/dead-letters?size=1000").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().get("/no/such/path").then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().delete("/test/things/boom").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void anUnexpectedFailureIsAPlain500WithoutInternals() {
        given().header("X-Request-Id", "req-123").get("/test/things/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .header("X-Request-Id", "req-123")
                .body("requestId", equalTo("req-123"))
                .body(allOf(not(containsString("secret internal detail")), not(containsString("at com."))));
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().get("/q/health/live").then().statusCode(200).header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "bad id with spaces").get("/q/health/live")
                .then().header("X-Request-Id", not(equalTo("bad id with spaces")));
    }
}
