package id.qutab.affiliate;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The service starts on its own schema with the platform tables, and reports ready. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ServiceShellTest {

    @Test
    void readyWithItsOwnSchemaMigrated() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().oauth2(TestJwt.admin()).get("/api/admin/events/affiliate/dead-letters")
                .then().statusCode(200).body("total", equalTo(0));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/admin/events/{service}/dead-letters"));
    }
}
