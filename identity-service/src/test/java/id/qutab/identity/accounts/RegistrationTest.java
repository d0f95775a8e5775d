package id.qutab.identity.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Mails;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.json;
import static id.qutab.identity.support.Api.register;
import static id.qutab.identity.support.Api.registration;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class RegistrationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void registersACustomerStoresABcryptHashEmitsTheEventAndMailsTheVerificationLink() throws Exception {
        String email = uniqueEmail("Rina.Customer").replace("rina", "RINA");
        String id = register(registration("  Rina Wulandari ", email, "0812-3456-7890", Api.PASSWORD, "customer"))
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern("[0-9a-f-]{36}"))
                .body("name", equalTo("Rina Wulandari"))
                .body("email", equalTo(email.toLowerCase()))
                .body("phone", equalTo("+6281234567890"))
                .body("roles", contains("customer"))
                .body("emailVerified", is(false))
                .body("password", nullValue())
                .extract().path("id");
        UUID userId = UUID.fromString(id);

        Map<String, Object> row = Db.one(db, "SELECT * FROM users WHERE id = ?", userId);
        assertEquals(email.toLowerCase(), row.get("email"));
        assertEquals("+6281234567890", row.get("phone"));
        assertEquals("id", row.get("locale"));
        assertNull(row.get("email_verified_at"));
        String hash = (String) row.get("password_hash");
        assertTrue(hash.matches("\\$2[aby]?\\$10\\$.{53}"), "bcrypt with cost 10: " + hash.substring(0, 7));
        assertFalse(hash.contains(Api.PASSWORD));
        assertEquals(List.of("customer"), Db.rows(db, "SELECT role FROM user_roles WHERE user_id = ?", userId)
                .stream().map(r -> r.get("role")).toList());

        // identity.user.registered for every service that keeps contacts, in the same transaction
        List<Map<String, Object>> events = Db.rows(db,
                "SELECT destination, payload::text AS payload, status FROM outbox WHERE event_type = 'identity.user.registered' "
                        + "AND aggregate_id = ? ORDER BY destination", id);
        assertEquals(List.of("affiliate", "commerce", "payout"), events.stream().map(e -> e.get("destination")).toList());
        JsonNode payload = json.readTree((String) events.get(0).get("payload"));
        assertEquals(id, payload.get("userId").asText());
        assertEquals("Rina Wulandari", payload.get("name").asText());
        assertEquals(email.toLowerCase(), payload.get("email").asText());
        assertEquals("+6281234567890", payload.get("phone").asText());
        assertEquals("customer", payload.get("roles").get(0).asText());
        assertEquals("PENDING", events.get(0).get("status"));

        // the verification mail, in Indonesian by default, with a link to the frontend
        Mail mail = Mails.await(mailbox, email.toLowerCase(), 1).get(0);
        assertTrue(mail.getSubject().contains("Verifikasi"), mail.getSubject());
        assertTrue(mail.getText().contains("https://app.qutab.test/verify-email?token="));
        assertTrue(mail.getHtml().contains("Halo Rina Wulandari"));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM one_time_tokens WHERE user_id = ? AND purpose = 'VERIFY_EMAIL'", userId));
        String token = Mails.token(mail);
        assertEquals(0, Db.count(db, "SELECT count(*) FROM one_time_tokens WHERE token_hash = ?", token),
                "the raw token is never stored");
    }

    @Test
    void registersAnAffiliateWithEnglishMails() {
        String email = uniqueEmail("affiliate");
        Map<String, Object> body = registration("Dewi Lestari", email, "+62 857 1234 5678", Api.PASSWORD, "affiliate");
        body.put("locale", "en");
        register(body).then().statusCode(201)
                .body("roles", contains("affiliate"))
                .body("phone", equalTo("+6285712345678"))
                .body("locale", equalTo("en"));
        Mail mail = Mails.await(mailbox, email, 1).get(0);
        assertTrue(mail.getSubject().startsWith("Verify your email"), mail.getSubject());
        assertTrue(mail.getHtml().contains("Hello Dewi Lestari"));
    }

    @Test
    void escapesMarkupInNamesInHtmlMails() {
        String email = uniqueEmail("markup");
        register(registration("<b>Joko</b>", email, "081234567890", Api.PASSWORD, "customer")).then().statusCode(201);
        Mail mail = Mails.await(mailbox, email, 1).get(0);
        assertFalse(mail.getHtml().contains("<b>Joko</b>"));
        assertTrue(mail.getHtml().contains("&lt;b&gt;Joko&lt;/b&gt;"));
    }

    @Test
    void aDuplicateEmailInAnyCaseIsA409() {
        String email = uniqueEmail("dup");
        Api.registerCustomer(email);
        register(registration("Someone Else", email.toUpperCase(), "081298765432", "Another-pass-1", "affiliate"))
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", is(409))
                .body("type", equalTo("https://qutab.id/problems/email-taken"))
                .body("detail", notNullValue());
        assertEquals(1, Db.count(db, "SELECT count(*) FROM users WHERE lower(email) = ?", email));
    }

    @ParameterizedTest
    @CsvSource({
            "081234567890, +6281234567890",
            "6281234567890, +6281234567890",
            "+6281234567890, +6281234567890",
            "'+62 812-3456-7890', +6281234567890",
            "(021) 5551234, +62215551234",
    })
    void normalizesIndonesianPhoneNumbers(String typed, String stored) {
        register(registration("Phone Test", uniqueEmail("phone"), typed, Api.PASSWORD, "customer"))
                .then().statusCode(201).body("phone", equalTo(stored));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name   | ''                  | must be 1 to 100 characters without control characters",
            "email  | not-an-email        | must be a valid email address",
            "email  | someone@localhost   | must be a valid email address",
            "phone  | 12345               | must be an Indonesian phone number (+62…, 62… or 08…)",
            "phone  | +6512345678         | must be an Indonesian phone number (+62…, 62… or 08…)",
            "phone  | 0812abc4567         | must be an Indonesian phone number (+62…, 62… or 08…)",
            "password | short             | must be 8 to 72 characters",
            "accountType | admin          | must be customer or affiliate",
            "accountType | superuser      | must be customer or affiliate",
            "locale | fr                  | must be id or en",
    })
    void refusesInvalidFieldsWith400(String field, String value, String message) {
        String email = uniqueEmail("invalid");
        Map<String, Object> body = registration("Valid Name", email, "081234567890", Api.PASSWORD, "customer");
        body.put(field, value);
        register(body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", notNullValue())
                .body("errors.field", hasItem(field))
                .body("errors.message", hasItem(message));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM users WHERE email = ?", email));
    }

    @Test
    void refusesAPasswordThatIsTheEmail() {
        String email = uniqueEmail("same");
        register(registration("Same Pass", email, "081234567890", email.toUpperCase(), "customer"))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("must not be the email address"));
    }

    @Test
    void refusesAPasswordLongerThan72Bytes() {
        register(registration("Bytes", uniqueEmail("bytes"), "081234567890", "ä".repeat(40), "customer"))
                .then().statusCode(400)
                .body("errors[0].field", equalTo("password"))
                .body("errors[0].message", equalTo("must be at most 72 bytes"));
        register(registration("Bytes", uniqueEmail("bytes"), "081234567890", "ä".repeat(36), "customer"))
                .then().statusCode(201);
    }

    @Test
    void refusesANameLongerThan100Characters() {
        register(registration("x".repeat(101), uniqueEmail("long"), "081234567890", Api.PASSWORD, "customer"))
                .then().statusCode(400).body("errors.field", hasItem("name"));
        register(registration("x".repeat(100), uniqueEmail("long"), "081234567890", Api.PASSWORD, "customer"))
                .then().statusCode(201);
    }

    @Test
    void refusesMissingFields() {
        json().body("{}").post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("phone"))
                .body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("accountType"));
    }

    @Test
    void hostileBodiesAre400ProblemsNever500() {
        json().body("{\"name\": \"x\", \"email\": ").post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json").body("status", is(400));
        json().body("[1,2,3]").post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        json().body("{\"name\": {\"a\": 1}, \"email\": \"a@b.co\", \"phone\": \"081234567890\", "
                        + "\"password\": \"Rahasia-2026\", \"accountType\": \"customer\"}")
                .post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        json().body("{\"name\": \"A\", \"email\": [\"a@b.co\"], \"phone\": \"081234567890\", "
                        + "\"password\": \"Rahasia-2026\", \"accountType\": \"customer\"}")
                .post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        json().body("").post("/api/auth/register").then().statusCode(400)
                .contentType("application/problem+json");
        io.restassured.RestAssured.given().contentType(ContentType.TEXT).body("name=x")
                .post("/api/auth/register").then().statusCode(415)
                .contentType("application/problem+json");
        json().body("{\"name\": \"" + "x".repeat(2_000_000) + "\"}").post("/api/auth/register").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void theRegisterResponseHidesNothingSensitive() {
        String body = register(registration("Quiet", uniqueEmail("quiet"), "081234567890", Api.PASSWORD, "customer"))
                .then().statusCode(201).extract().asString();
        assertFalse(body.contains("password"));
        assertFalse(body.contains("$2"));
        assertTrue(body.contains("\"emailVerified\":false"), body);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Map<String, Object> body = registration("Extra", uniqueEmail("extra"), "081234567890", Api.PASSWORD, "customer");
        body.put("roles", List.of("admin"));
        body.put("emailVerified", true);
        register(body).then().statusCode(201)
                .body("roles", contains("customer"))
                .body("emailVerified", is(false))
                .body("name", containsString("Extra"));
    }
}
