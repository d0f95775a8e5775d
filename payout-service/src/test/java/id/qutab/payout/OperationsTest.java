package id.qutab.payout;

import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The service documents its API and says when its KTP vault cannot take uploads. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OperationsTest {

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/affiliate/bank-account/ktp"))
                .body(containsString("/api/affiliate/payouts/{id}/statement.pdf"))
                .body(containsString("/api/admin/payouts/export.csv"))
                .body(containsString("/api/admin/bank-accounts/{id}/ktp"))
                .body(containsString("/api/affiliate/balance"));
    }

    @Test
    void readinessIncludesTheKtpVault() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("ktp-vault"))
                .body("checks.find { it.name == 'ktp-vault' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ktp-vault' }.data.activeKeyId", equalTo("t2"));
    }
}
