package id.qutab.payout;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * This service verifies access tokens itself (never trusting the gateway): only RS256 tokens signed by
 * identity's key, from the configured issuer, unexpired, reach an endpoint; roles are enforced.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TokenVerificationTest {

    private static final String ADMIN_ONLY = "/api/admin/events/payout/dead-letters";

    @Test
    void aValidAdminTokenIsAccepted() {
        given().auth().oauth2(TestJwt.admin()).get(ADMIN_ONLY)
                .then().statusCode(200).body("total", equalTo(0)).body("page", equalTo(0));
    }

    @Test
    void aValidTokenWithTheWrongRoleIs403() {
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get(ADMIN_ONLY)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void missingForeignExpiredUnsignedOrWrongIssuerTokensAre401() {
        UUID user = UUID.randomUUID();
        given().get(ADMIN_ONLY).then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[]{
                TestJwt.signedByForeignKey(user, "admin"),
                TestJwt.expired(user, "admin"),
                TestJwt.withIssuer("https://evil.example", user, "admin"),
                algNone(user),
                "not.a.jwt"}) {
            given().auth().oauth2(token).get(ADMIN_ONLY)
                    .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        }
    }

    /** A token claiming admin with {@code alg: none} and no signature. */
    private static String algNone(UUID user) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + TestJwt.ISSUER + "\",\"sub\":\"" + user
                + "\",\"groups\":[\"admin\"],\"iat\":" + now + ",\"exp\":" + (now + 600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }
}
