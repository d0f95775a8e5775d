package id.qutab.identity.tokens;

import id.qutab.testing.AppDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Jwts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.login;
import static id.qutab.identity.support.Api.randomIp;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LoginTest {

    /** The app's database over the test JVM's own connection: also works against the packaged app (the *IT). */
    final DataSource db = new AppDataSource();

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void loginIssuesAShortLivedRs256TokenAndAnOpaqueRefreshTokenStoredOnlyAsAHash() {
        String email = uniqueEmail("login");
        UUID userId = Api.registerCustomer(email);

        JsonPath tokens = login(email.toUpperCase(), Api.PASSWORD, randomIp()).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", is(900))
                .body("user.id", equalTo(userId.toString()))
                .body("user.name", equalTo("Ahmad Fauzi"))
                .body("user.email", equalTo(email))
                .body("user.roles", contains("customer"))
                .extract().jsonPath();

        String access = tokens.getString("accessToken");
        JsonNode header = Jwts.header(access);
        assertEquals("RS256", header.get("alg").asText());
        assertNotNull(header.get("kid"));
        JsonNode claims = Jwts.claims(access);
        assertEquals(TestJwt.ISSUER, claims.get("iss").asText());
        assertEquals(userId.toString(), claims.get("sub").asText());
        assertEquals("customer", claims.get("groups").get(0).asText());
        assertEquals(1, claims.get("groups").size());
        long lifetime = claims.get("exp").asLong() - claims.get("iat").asLong();
        assertTrue(lifetime > 0 && lifetime <= 15 * 60, "exp - iat = " + lifetime);
        assertFalse(claims.toString().contains(email), "no email in the token");
        assertFalse(claims.has("upn"));
        assertFalse(claims.has("email"));

        String refresh = tokens.getString("refreshToken");
        assertTrue(refresh.matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
        assertEquals(0, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE token_hash = ?", refresh));
        Map<String, Object> row = Db.one(db, "SELECT * FROM refresh_tokens WHERE user_id = ?", userId);
        assertEquals(64, ((String) row.get("token_hash")).length());
        assertEquals(claims.get("sid").asText(), row.get("family_id").toString());
        assertNull(row.get("spent_at"));
        assertNull(row.get("revoked_at"));

        bearer(access).get("/api/me").then().statusCode(200).body("id", equalTo(userId.toString()));
    }

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() throws Exception {
        String email = uniqueEmail("enum");
        Api.registerCustomer(email);

        Response wrongPassword = login(email, "Wrong-password-1", randomIp());
        Response unknownEmail = login(uniqueEmail("nobody"), "Wrong-password-1", randomIp());

        assertEquals(401, wrongPassword.statusCode());
        assertEquals(401, unknownEmail.statusCode());
        assertEquals("application/problem+json", wrongPassword.contentType());
        assertEquals(wrongPassword.contentType(), unknownEmail.contentType());
        assertEquals(headerNames(wrongPassword), headerNames(unknownEmail));
        assertEquals(wrongPassword.header("WWW-Authenticate"), unknownEmail.header("WWW-Authenticate"));

        ObjectNode a = (ObjectNode) json.readTree(wrongPassword.asString());
        ObjectNode b = (ObjectNode) json.readTree(unknownEmail.asString());
        assertNotNull(a.remove("requestId"));
        assertNotNull(b.remove("requestId"));
        a.remove("instance");
        b.remove("instance");
        assertEquals(json.writeValueAsString(a), json.writeValueAsString(b));
        // and byte-identical as sent, apart from the request id
        assertEquals(wrongPassword.asString().replace(wrongPassword.header("X-Request-Id"), "ID"),
                unknownEmail.asString().replace(unknownEmail.header("X-Request-Id"), "ID"));
        assertEquals(401, a.get("status").asInt());
    }

    @Test
    void unknownEmailAndWrongPasswordTakeSimilarTime() {
        String email = uniqueEmail("timing");
        Api.registerCustomer(email);
        // warm both paths
        login(email, "Wrong-password-1", randomIp());
        login(uniqueEmail("nobody"), "Wrong-password-1", randomIp());
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        List<String> knownEmails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            knownEmails.add(uniqueEmail("timing-known"));
            Api.registerCustomer(knownEmails.get(i));
        }
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            login(knownEmails.get(i), "Wrong-password-1", randomIp()).then().statusCode(401);
            long t1 = System.nanoTime();
            login(uniqueEmail("timing-unknown"), "Wrong-password-1", randomIp()).then().statusCode(401);
            long t2 = System.nanoTime();
            known = Math.min(known, t1 - t0);
            unknown = Math.min(unknown, t2 - t1);
        }
        // both pay one bcrypt check (tens of ms); an unknown email skipping it would be many times faster
        assertTrue(unknown * 3 > known && known * 3 > unknown,
                "fastest unknown " + unknown / 1_000_000 + " ms vs fastest known " + known / 1_000_000 + " ms");
    }

    @Test
    void fiveFailuresForOneAccountThrottleItWith429AndRetryAfter() {
        String email = uniqueEmail("throttle");
        Api.registerCustomer(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-password-" + i, randomIp()).then().statusCode(401);
        }
        // even the right password, from another address, waits now
        Response throttled = login(email, Api.PASSWORD, randomIp());
        throttled.then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", is(429))
                .body("type", equalTo("https://qutab.id/problems/rate-limited"));
        int retryAfter = Integer.parseInt(throttled.header("Retry-After"));
        assertTrue(retryAfter > 800 && retryAfter <= 900, "Retry-After " + retryAfter);
        assertEquals(5, Db.count(db, "SELECT count(*) FROM login_failures WHERE account_key = ?", LoginThrottle.accountKey(email)));
        assertEquals(5, Db.count(db, "SELECT attempts FROM login_attempts WHERE account_key = ?", LoginThrottle.accountKey(email)));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM login_failures WHERE account_key = ?", email), "no email stored");
        assertEquals(0, Db.count(db, "SELECT count(*) FROM login_attempts WHERE account_key = ?", email), "no email stored");

        // once the window (15 minutes from the first counted attempt) has passed, the account may try again
        Db.update(db, "UPDATE login_attempts SET window_start = window_start - interval '16 minutes' WHERE account_key = ?",
                LoginThrottle.accountKey(email));
        login(email, Api.PASSWORD, randomIp()).then().statusCode(200);
    }

    @Test
    void unknownEmailsAreThrottledLikeKnownOnes() {
        String email = uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            login(email, "Wrong-password-" + i, randomIp()).then().statusCode(401);
        }
        login(email, "Wrong-password-x", randomIp()).then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() {
        String email = uniqueEmail("clear");
        Api.registerCustomer(email);
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-password-" + i, randomIp()).then().statusCode(401);
        }
        login(email, Api.PASSWORD, randomIp()).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(email, "Wrong-password-" + i, randomIp()).then().statusCode(401);
        }
        login(email, Api.PASSWORD, randomIp()).then().statusCode(200);
    }

    @Test
    void loginValidatesItsBody() {
        Api.json().body(Map.of("email", "")).post("/api/auth/login").then().statusCode(400)
                .contentType("application/problem+json");
        Api.json().body("{\"email\": 1, \"password\": {}}").post("/api/auth/login").then().statusCode(400)
                .contentType("application/problem+json");
        Api.json().body("not json").post("/api/auth/login").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void overlongPasswordsAreJustWrong() {
        String email = uniqueEmail("long");
        Api.registerCustomer(email);
        login(email, "x".repeat(200), randomIp()).then().statusCode(401);
        login(email, "ä".repeat(150), randomIp()).then().statusCode(401);
        login(email, "x".repeat(201), randomIp()).then().statusCode(400);
    }

    private static List<String> headerNames(Response response) {
        List<String> names = new ArrayList<>();
        response.headers().forEach(h -> names.add(h.getName().toLowerCase()));
        names.sort(String::compareTo);
        return names;
    }
}
