package id.qutab.platform.jobs;

import id.qutab.platform.support.EchoJob;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one job endpoint every service has: it runs the {@link AdminJob} a service declared, by name. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class JobResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EchoJob echo;

    @Test
    void anAdminRunsADeclaredJobAndGetsItsRecord() {
        int before = echo.runs();
        given().auth().oauth2(TestJwt.admin()).post("/api/admin/jobs/echo/run")
                .then().statusCode(200).contentType("application/json")
                .body("job", equalTo("echo")).body("runs", equalTo(before + 1)).body("day", nullValue());
        given().auth().oauth2(TestJwt.admin()).queryParam("day", "2026-11-21").post("/api/admin/jobs/echo/run")
                .then().statusCode(200).body("day", equalTo("2026-11-21"));
        assertEquals(before + 2, echo.runs());
    }

    @Test
    void anUnknownJobIsA404Problem() {
        given().auth().oauth2(TestJwt.admin()).post("/api/admin/jobs/world-domination/run")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    @Test
    void onlyAdminsRunJobs() {
        int before = echo.runs();
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).post("/api/admin/jobs/echo/run")
                .then().statusCode(403).contentType(PROBLEM);
        given().post("/api/admin/jobs/echo/run").then().statusCode(401).contentType(PROBLEM);
        assertEquals(before, echo.runs());
    }
}
