package id.qutab.identity.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.login;
import static id.qutab.identity.support.Api.randomIp;
import static id.qutab.identity.support.Api.refresh;
import static id.qutab.identity.support.Api.signIn;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class MeTest {

    @Inject
    AgroalDataSource db;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void getReturnsTheCallersProfile() {
        String email = uniqueEmail("me");
        UUID id = Api.registerCustomer(email);
        String access = signIn(email, Api.PASSWORD).getString("accessToken");
        bearer(access).get("/api/me").then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("name", equalTo("Ahmad Fauzi"))
                .body("email", equalTo(email))
                .body("phone", equalTo("+6281234567890"))
                .body("roles", contains("customer"))
                .body("emailVerified", is(false))
                .body("locale", equalTo("id"));
    }

    @Test
    void patchChangesNameAndPhoneKeepsWhatIsAbsentAndEmitsAnUpdate() throws Exception {
        String email = uniqueEmail("patch");
        UUID id = Api.registerCustomer(email);
        String access = signIn(email, Api.PASSWORD).getString("accessToken");

        bearer(access).body(Map.of("name", "  Ahmad Baru ", "phone", "6285711112222")).patch("/api/me")
                .then().statusCode(200)
                .body("name", equalTo("Ahmad Baru"))
                .body("phone", equalTo("+6285711112222"))
                .body("email", equalTo(email))
                .body("locale", equalTo("id"));
        bearer(access).body(Map.of("locale", "en")).patch("/api/me").then().statusCode(200)
                .body("name", equalTo("Ahmad Baru"))
                .body("locale", equalTo("en"));

        Map<String, Object> row = Db.one(db, "SELECT name, phone, locale, email FROM users WHERE id = ?", id);
        assertEquals("Ahmad Baru", row.get("name"));
        assertEquals("+6285711112222", row.get("phone"));
        assertEquals("en", row.get("locale"));
        assertEquals(email, row.get("email"));

        List<Map<String, Object>> updates = Db.rows(db, "SELECT payload::text AS payload FROM outbox "
                + "WHERE event_type = 'identity.user.updated' AND aggregate_id = ? AND destination = 'commerce' ORDER BY seq", id.toString());
        assertEquals(2, updates.size());
        JsonNode last = json.readTree((String) updates.get(1).get("payload"));
        assertEquals("Ahmad Baru", last.get("name").asText());
        assertEquals("+6285711112222", last.get("phone").asText());

        // nothing changed, nothing emitted
        bearer(access).body("{}").patch("/api/me").then().statusCode(200);
        assertEquals(2, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.updated' "
                + "AND aggregate_id = ? AND destination = 'commerce'", id.toString()));
    }

    @Test
    void patchValidates() {
        String email = uniqueEmail("patchbad");
        Api.registerCustomer(email);
        String access = signIn(email, Api.PASSWORD).getString("accessToken");
        bearer(access).body(Map.of("phone", "999")).patch("/api/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("phone"));
        bearer(access).body(Map.of("name", "")).patch("/api/me").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        bearer(access).body(Map.of("name", "x".repeat(101))).patch("/api/me").then().statusCode(400);
        bearer(access).body(Map.of("locale", "de")).patch("/api/me").then().statusCode(400);
        bearer(access).body("{\"name\": [1]}").patch("/api/me").then().statusCode(400)
                .contentType("application/problem+json");
        bearer(access).body("{").patch("/api/me").then().statusCode(400);
        Api.json().body(Map.of("name", "Anon")).patch("/api/me").then().statusCode(401);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutTheOtherSessions() {
        String email = uniqueEmail("chpw");
        UUID id = Api.registerCustomer(email);
        JsonPath here = signIn(email, Api.PASSWORD);
        JsonPath elsewhere = signIn(email, Api.PASSWORD);
        String oldHash = (String) Db.one(db, "SELECT password_hash FROM users WHERE id = ?", id).get("password_hash");

        bearer(here.getString("accessToken")).header("X-Forwarded-For", randomIp())
                .body(Map.of("currentPassword", "Not-my-password", "newPassword", "Baru-sekali-2026"))
                .post("/api/me/password").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/wrong-password"));
        assertEquals(oldHash, Db.one(db, "SELECT password_hash FROM users WHERE id = ?", id).get("password_hash"));

        bearer(here.getString("accessToken"))
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "short"))
                .post("/api/me/password").then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        bearer(here.getString("accessToken"))
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", email))
                .post("/api/me/password").then().statusCode(400).body("errors[0].message", equalTo("must not be the email address"));

        bearer(here.getString("accessToken"))
                .body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "Baru-sekali-2026"))
                .post("/api/me/password").then().statusCode(204);

        // the other session is signed out, this one is not
        refresh(elsewhere.getString("refreshToken")).then().statusCode(401);
        refresh(here.getString("refreshToken")).then().statusCode(200);
        login(email, Api.PASSWORD, randomIp()).then().statusCode(401);
        login(email, "Baru-sekali-2026", randomIp()).then().statusCode(200);
    }

    @Test
    void deletingTheAccountAnonymizesItRevokesSessionsAndEmitsTheEvent() throws Exception {
        String email = uniqueEmail("delete");
        UUID id = Api.registerCustomer(email);
        JsonPath session = signIn(email, Api.PASSWORD);
        JsonPath other = signIn(email, Api.PASSWORD);

        bearer(session.getString("accessToken")).delete("/api/me").then().statusCode(204);

        Map<String, Object> row = Db.one(db, "SELECT * FROM users WHERE id = ?", id);
        assertEquals("Deleted user", row.get("name"));
        assertTrue(((String) row.get("email")).startsWith("deleted-" + id));
        assertNull(row.get("phone"));
        assertNull(row.get("password_hash"));
        assertNotNull(row.get("deleted_at"));
        assertNotNull(row.get("disabled_at"));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM users WHERE lower(email) = ?", email));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", id));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM one_time_tokens WHERE user_id = ?", id));

        List<Map<String, Object>> events = Db.rows(db, "SELECT destination, payload::text AS payload FROM outbox "
                + "WHERE event_type = 'identity.user.deleted' AND aggregate_id = ? ORDER BY destination", id.toString());
        assertEquals(List.of("affiliate", "commerce", "payout"), events.stream().map(e -> e.get("destination")).toList());
        JsonNode payload = json.readTree((String) events.get(0).get("payload"));
        assertEquals(id.toString(), payload.get("userId").asText());
        assertEquals(1, payload.size(), "no personal data in the deletion event");

        // the account is gone for every purpose
        bearer(session.getString("accessToken")).get("/api/me").then().statusCode(401);
        refresh(session.getString("refreshToken")).then().statusCode(401);
        refresh(other.getString("refreshToken")).then().statusCode(401);
        login(email, Api.PASSWORD, randomIp()).then().statusCode(401);
        bearer(session.getString("accessToken")).delete("/api/me").then().statusCode(401);
        // the address is free again
        Api.registerCustomer(email);
    }
}
