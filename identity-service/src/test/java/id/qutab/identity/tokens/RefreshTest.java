package id.qutab.identity.tokens;

import id.qutab.testing.AppDataSource;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Jwts;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.logout;
import static id.qutab.identity.support.Api.refresh;
import static id.qutab.identity.support.Api.signIn;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RefreshTest {

    /** The app's database over the test JVM's own connection: also works against the packaged app (the *IT). */
    final DataSource db = new AppDataSource();

    @Test
    void refreshRotatesThePairAndSpendsTheOldRefreshToken() {
        String email = uniqueEmail("rotate");
        UUID userId = Api.registerCustomer(email);
        JsonPath first = signIn(email, Api.PASSWORD);

        JsonPath second = refresh(first.getString("refreshToken")).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", is(900))
                .body("user.id", equalTo(userId.toString()))
                .body("user.roles", contains("customer"))
                .extract().jsonPath();
        assertNotEquals(first.getString("refreshToken"), second.getString("refreshToken"));
        assertNotEquals(first.getString("accessToken"), second.getString("accessToken"));
        // same session
        assertEquals(Jwts.claims(first.getString("accessToken")).get("sid"), Jwts.claims(second.getString("accessToken")).get("sid"));
        bearer(second.getString("accessToken")).get("/api/me").then().statusCode(200);

        List<Map<String, Object>> family = Db.rows(db,
                "SELECT id, spent_at, revoked_at, replaced_by FROM refresh_tokens WHERE user_id = ? ORDER BY created_at", userId);
        assertEquals(2, family.size());
        assertNotNull(family.get(0).get("spent_at"));
        assertEquals(family.get(1).get("id"), family.get(0).get("replaced_by"));
        assertNull(family.get(1).get("spent_at"));
        assertNull(family.get(1).get("revoked_at"));

        // and the next one rotates again
        refresh(second.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamilyIncludingTheNewestToken() {
        String email = uniqueEmail("reuse");
        UUID userId = Api.registerCustomer(email);
        JsonPath first = signIn(email, Api.PASSWORD);
        String stolen = first.getString("refreshToken");
        String second = refresh(stolen).then().statusCode(200).extract().path("refreshToken");
        String third = refresh(second).then().statusCode(200).extract().path("refreshToken");

        // the thief replays the first token
        refresh(stolen).then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/invalid-refresh-token"));
        // ... and now the legitimate newest token is dead too
        refresh(third).then().statusCode(401).contentType("application/problem+json");
        refresh(second).then().statusCode(401);
        assertEquals(0, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", userId));
        assertEquals(3, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NOT NULL", userId));
    }

    @Test
    void reuseRevokesOnlyThatSession() {
        String email = uniqueEmail("sessions");
        Api.registerCustomer(email);
        JsonPath laptop = signIn(email, Api.PASSWORD);
        JsonPath phone = signIn(email, Api.PASSWORD);
        String spent = laptop.getString("refreshToken");
        refresh(spent).then().statusCode(200);
        refresh(spent).then().statusCode(401);
        refresh(phone.getString("refreshToken")).then().statusCode(200);
    }

    @Test
    void logoutMakesTheRefreshTokenUseless() {
        String email = uniqueEmail("logout");
        UUID userId = Api.registerCustomer(email);
        JsonPath session = signIn(email, Api.PASSWORD);
        String rotated = refresh(session.getString("refreshToken")).then().statusCode(200).extract().path("refreshToken");

        logout(rotated).then().statusCode(204);
        refresh(rotated).then().statusCode(401).contentType("application/problem+json");
        assertEquals(0, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", userId));
        // again, or with nonsense: still 204, nothing to tell
        logout(rotated).then().statusCode(204);
        logout("never-issued-token-value-000000000").then().statusCode(204);
    }

    @Test
    void unknownMalformedAndExpiredRefreshTokensAre401() {
        refresh("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(401)
                .contentType("application/problem+json");
        refresh("with spaces and ; punctuation!").then().statusCode(401);
        Api.json().body("{\"refreshToken\": 42}").post("/api/auth/refresh").then().statusCode(401);
        Api.json().body("{}").post("/api/auth/refresh").then().statusCode(400)
                .body("errors[0].field", equalTo("refreshToken"));
        Api.json().body("{\"refreshToken\": [1]}").post("/api/auth/refresh").then().statusCode(400)
                .contentType("application/problem+json");

        String email = uniqueEmail("expired");
        UUID userId = Api.registerCustomer(email);
        String token = signIn(email, Api.PASSWORD).getString("refreshToken");
        Db.update(db, "UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ?", userId);
        refresh(token).then().statusCode(401);
    }
}
