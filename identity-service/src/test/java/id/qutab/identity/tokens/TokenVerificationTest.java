package id.qutab.identity.tokens;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Jwts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/me accepts only tokens signed by our key, with our issuer, unexpired, RS256. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TokenVerificationTest {

    @Test
    void aTokenSignedByAnotherKeyIs401() {
        UUID id = Api.registerCustomer(uniqueEmail("foreign"));
        assertUnauthorized(TestJwt.signedByForeignKey(id, "customer"));
    }

    @Test
    void anUnsignedAlgNoneTokenIs401() {
        String email = uniqueEmail("none");
        Api.registerCustomer(email);
        String real = Api.signIn(email, Api.PASSWORD).getString("accessToken");
        String payload = real.split("\\.")[1];
        String none = Jwts.base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
        assertUnauthorized(none);
        // the real one works, so it is the missing signature that fails
        bearer(real).get("/api/me").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIs401() {
        UUID id = Api.registerCustomer(uniqueEmail("expired"));
        assertUnauthorized(TestJwt.expired(id, "customer"));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        UUID id = Api.registerCustomer(uniqueEmail("issuer"));
        assertUnauthorized(TestJwt.withIssuer("https://evil.example", id, "customer"));
    }

    @Test
    void aTamperedTokenIs401() {
        String email = uniqueEmail("tamper");
        Api.registerCustomer(email);
        String real = Api.signIn(email, Api.PASSWORD).getString("accessToken");
        String[] parts = real.split("\\.");
        JsonNode claims = Jwts.claims(real);
        String forged = claims.toString().replace("\"customer\"", "\"admin\"");
        assertUnauthorized(parts[0] + "." + Jwts.base64Url(forged) + "." + parts[2]);
    }

    @Test
    void missingOrGarbageTokensAre401() {
        RestAssured.given().get("/api/me").then().statusCode(401).contentType("application/problem+json");
        assertUnauthorized("garbage");
        RestAssured.given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/me").then().statusCode(401);
    }

    @Test
    void aValidTokenForAnAccountThatDoesNotExistIs401() {
        assertUnauthorized(TestJwt.customer(UUID.randomUUID()));
    }

    @Test
    void theJwksPublishesThePublicKeyThatVerifiesOurTokens() throws Exception {
        String jwks = RestAssured.given().get("/.well-known/jwks.json").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", equalTo("public, max-age=300"))
                .body("keys.size()", is(1))
                .body("keys[0].kty", equalTo("RSA"))
                .body("keys[0].alg", equalTo("RS256"))
                .body("keys[0].use", equalTo("sig"))
                .body("keys[0].d", nullValue())
                .body("keys[0].p", nullValue())
                .extract().asString();
        RsaJsonWebKey key = (RsaJsonWebKey) new JsonWebKeySet(jwks).getJsonWebKeys().get(0);
        assertEquals(key.calculateBase64urlEncodedThumbprint("SHA-256"), key.getKeyId());

        String email = uniqueEmail("jwks");
        Api.registerCustomer(email);
        String token = Api.signIn(email, Api.PASSWORD).getString("accessToken");
        assertEquals(key.getKeyId(), Jwts.header(token).get("kid").asText());

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(key.getPublicKey());
        assertTrue(jws.verifySignature());
        JsonNode claims = Jwts.claims(token);
        assertTrue(claims.get("exp").asLong() > Instant.now().getEpochSecond());
        assertFalse(jwks.contains("PRIVATE"));
    }

    private static void assertUnauthorized(String token) {
        bearer(token).get("/api/me").then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", is(401));
    }
}
