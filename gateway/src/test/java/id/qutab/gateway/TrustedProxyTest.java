package id.qutab.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestProfile(TrustedProxyProfile.class)
class TrustedProxyTest {

    @Test
    void theRightMostForwardedValuesComeFromTheTrustedProxy() {
        given()
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "qutab.id")
                .get("/api/products")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.7"))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("qutab.id"))
                .body("headers.x-forwarded-port", equalTo("443"));
    }

    @Test
    void rateLimitsApplyToTheForwardedClientAddress() {
        given().header("X-Forwarded-For", "198.51.100.1").post("/api/auth/login").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.1").post("/api/auth/login").then().statusCode(429);
        // A different client behind the same proxy has its own bucket.
        given().header("X-Forwarded-For", "198.51.100.2").post("/api/auth/login").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("198.51.100.2"));
    }
}
