package id.qutab.identity.passwords;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Mails;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.json;
import static id.qutab.identity.support.Api.login;
import static id.qutab.identity.support.Api.randomIp;
import static id.qutab.identity.support.Api.refresh;
import static id.qutab.identity.support.Api.signIn;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PasswordResetTest {

    private static final String NEW_PASSWORD = "Sandi-baru-2026";

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Test
    void forgotPasswordAlwaysAnswers202AndMailsOnlyKnownAccounts() {
        String unknown = uniqueEmail("unknown");
        forgot(unknown).then().statusCode(202).body(emptyOrNullString());
        assertEquals(0, Mails.settledCount(mailbox, unknown));

        String email = uniqueEmail("known");
        Api.registerCustomer(email);
        Mails.await(mailbox, email, 1);
        forgot(email.toUpperCase()).then().statusCode(202).body(emptyOrNullString());
        Mail mail = Mails.await(mailbox, email, 2).get(1);
        assertTrue(mail.getSubject().contains("Atur ulang kata sandi"), mail.getSubject());
        assertTrue(mail.getText().contains("https://app.qutab.test/reset-password?token="));
        assertTrue(mail.getText().contains("60 menit"));

        forgot("not an email at all").then().statusCode(202);
        json().body("{}").post("/api/auth/forgot-password").then().statusCode(400);
    }

    @Test
    void theResetTokenSetsANewPasswordOnceAndEndsEverySession() {
        String email = uniqueEmail("reset");
        UUID id = Api.registerCustomer(email);
        JsonPath session = signIn(email, Api.PASSWORD);
        forgot(email).then().statusCode(202);
        String token = Mails.token(Mails.await(mailbox, email, 2).get(1));
        Map<String, Object> row = Db.one(db, "SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM one_time_tokens "
                + "WHERE user_id = ? AND purpose = 'RESET_PASSWORD'", id);
        assertEquals(3600, ((Number) row.get("ttl")).intValue());

        // a password the policy refuses does not spend the token
        reset(token, email).then().statusCode(400).body("errors[0].field", equalTo("newPassword"));
        reset(token, "short").then().statusCode(400);

        reset(token, NEW_PASSWORD).then().statusCode(204);
        login(email, Api.PASSWORD, randomIp()).then().statusCode(401);
        login(email, NEW_PASSWORD, randomIp()).then().statusCode(200);
        refresh(session.getString("refreshToken")).then().statusCode(401);
        assertNotNull(Db.one(db, "SELECT email_verified_at FROM users WHERE id = ?", id).get("email_verified_at"),
                "the reset link reached the inbox: the email counts as verified");

        // single use
        reset(token, "Yet-another-2026").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/invalid-token"));
        login(email, NEW_PASSWORD, randomIp()).then().statusCode(200);
    }

    @Test
    void aResetSpendsTheOtherResetLinksToo() {
        String email = uniqueEmail("two-links");
        Api.registerCustomer(email);
        forgot(email).then().statusCode(202);
        forgot(email).then().statusCode(202);
        String first = Mails.token(Mails.await(mailbox, email, 3).get(1));
        String second = Mails.token(Mails.await(mailbox, email, 3).get(2));
        reset(second, NEW_PASSWORD).then().statusCode(204);
        reset(first, "Other-password-1").then().statusCode(400);
    }

    @Test
    void expiredAndUnknownTokensAre400() {
        String email = uniqueEmail("reset-exp");
        UUID id = Api.registerCustomer(email);
        forgot(email).then().statusCode(202);
        String token = Mails.token(Mails.await(mailbox, email, 2).get(1));
        Db.update(db, "UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ? AND purpose = 'RESET_PASSWORD'", id);
        reset(token, NEW_PASSWORD).then().statusCode(400);
        reset("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", NEW_PASSWORD).then().statusCode(400);
        json().body("{\"token\": 5, \"newPassword\": true}").post("/api/auth/reset-password").then().statusCode(400);
        login(email, Api.PASSWORD, randomIp()).then().statusCode(200);
    }

    @Test
    void aResetLiftsTheLoginThrottleOfTheAccount() {
        String email = uniqueEmail("reset-throttle");
        Api.registerCustomer(email);
        for (int i = 0; i < 5; i++) {
            login(email, "Guess-" + i + "-wrong", randomIp()).then().statusCode(401);
        }
        login(email, Api.PASSWORD, randomIp()).then().statusCode(429);
        forgot(email).then().statusCode(202);
        reset(Mails.token(Mails.await(mailbox, email, 2).get(1)), NEW_PASSWORD).then().statusCode(204);
        login(email, NEW_PASSWORD, randomIp()).then().statusCode(200);
    }

    private static Response forgot(String email) {
        return json().body(Map.of("email", email)).post("/api/auth/forgot-password");
    }

    private static Response reset(String token, String newPassword) {
        return json().body(Map.of("token", token, "newPassword", newPassword)).post("/api/auth/reset-password");
    }
}
