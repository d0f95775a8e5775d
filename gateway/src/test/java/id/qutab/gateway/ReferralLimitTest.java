package id.qutab.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code /r/**} over its per-address limit is still forwarded (the person clicking must land on the shop), marked
 * {@code X-Qutab-Rate-Limited: referral} so affiliate-service does not count the click; {@code /api/auth/**} over
 * its limit is still refused.
 */
@QuarkusTest
@TestProfile(ReferralLimitProfile.class)
class ReferralLimitTest {

    private static Response visit(String address, String code) {
        return given().redirects().follow(false).header("X-Forwarded-For", address).get("/r/" + code);
    }

    @Test
    void aReferralVisitOverTheLimitIsForwardedMarkedInsteadOfRefused() {
        visit("198.51.100.10", "XK7mP2q").then().statusCode(200)
                .body("upstream", equalTo("affiliate"))
                .body("headers.x-qutab-rate-limited", nullValue());
        for (int i = 0; i < 3; i++) {
            Response over = visit("198.51.100.10", "XK7mP2q");
            assertEquals(200, over.statusCode(), over.asString());
            assertEquals("affiliate", over.jsonPath().getString("upstream"));
            assertEquals("/r/XK7mP2q", over.jsonPath().getString("path"));
            assertEquals("referral", over.jsonPath().getString("headers.x-qutab-rate-limited"));
            assertNull(over.header("Retry-After"));
        }
        // Another address behind the same NAT-less proxy has its own bucket.
        visit("198.51.100.11", "XK7mP2q").then().statusCode(200).body("headers.x-qutab-rate-limited", nullValue());
    }

    @Test
    void aClientCannotSendTheMarkItself() {
        given().redirects().follow(false).header("X-Forwarded-For", "198.51.100.20")
                .header("X-Qutab-Rate-Limited", "referral").get("/r/XK7mP2q")
                .then().statusCode(200).body("headers.x-qutab-rate-limited", nullValue());
    }

    @Test
    void theAuthLimitStillRefuses() {
        given().header("X-Forwarded-For", "198.51.100.30").post("/api/auth/login").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.30").post("/api/auth/login").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }
}
