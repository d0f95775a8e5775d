package id.qutab.identity.verification;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Mails;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.json;
import static id.qutab.identity.support.Api.signIn;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class VerificationTest {

    @Inject
    AgroalDataSource db;

    @Inject
    MockMailbox mailbox;

    @Test
    void theMailedTokenVerifiesTheEmailOnce() {
        String email = uniqueEmail("verify");
        UUID id = Api.registerCustomer(email);
        String token = Mails.token(Mails.await(mailbox, email, 1).get(0));

        verify(token).then().statusCode(204);
        assertNotNull(Db.one(db, "SELECT email_verified_at FROM users WHERE id = ?", id).get("email_verified_at"));
        assertNotNull(Db.one(db, "SELECT used_at FROM one_time_tokens WHERE user_id = ?", id).get("used_at"));
        String access = signIn(email, Api.PASSWORD).getString("accessToken");
        bearer(access).get("/api/me").then().statusCode(200).body("emailVerified", is(true));

        // single use
        verify(token).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/invalid-token"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String email = uniqueEmail("verify-exp");
        UUID id = Api.registerCustomer(email);
        String token = Mails.token(Mails.await(mailbox, email, 1).get(0));
        // 24 h validity
        Map<String, Object> row = Db.one(db, "SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM one_time_tokens WHERE user_id = ?", id);
        assertEquals(24 * 3600, ((Number) row.get("ttl")).intValue());
        Db.update(db, "UPDATE one_time_tokens SET expires_at = now() - interval '1 second' WHERE user_id = ?", id);
        verify(token).then().statusCode(400);
        assertNull(Db.one(db, "SELECT email_verified_at FROM users WHERE id = ?", id).get("email_verified_at"));
    }

    @Test
    void unknownAndMalformedTokensAre400() {
        verify("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").then().statusCode(400)
                .body("type", equalTo("https://qutab.id/problems/invalid-token"));
        verify("<script>").then().statusCode(400);
        json().body("{}").post("/api/auth/verify-email").then().statusCode(400)
                .body("errors[0].field", equalTo("token"));
        json().body("{\"token\": {}}").post("/api/auth/verify-email").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aResetTokenDoesNotVerify() {
        String email = uniqueEmail("purpose");
        Api.registerCustomer(email);
        Mails.await(mailbox, email, 1);
        json().body(Map.of("email", email)).post("/api/auth/forgot-password").then().statusCode(202);
        String resetToken = Mails.token(Mails.await(mailbox, email, 2).get(1));
        verify(resetToken).then().statusCode(400);
    }

    @Test
    void theCallerCanAskForAFreshLink() {
        String email = uniqueEmail("resend");
        Api.registerCustomer(email);
        String first = Mails.token(Mails.await(mailbox, email, 1).get(0));
        String access = signIn(email, Api.PASSWORD).getString("accessToken");

        bearer(access).post("/api/auth/resend-verification").then().statusCode(202);
        Mail second = Mails.await(mailbox, email, 2).get(1);
        String fresh = Mails.token(second);
        assertNotEquals(first, fresh);

        verify(fresh).then().statusCode(204);
        // verifying spends the account's other verification links
        verify(first).then().statusCode(400);
        // once verified, nothing more is sent
        bearer(access).post("/api/auth/resend-verification").then().statusCode(202);
        assertEquals(2, Mails.settledCount(mailbox, email));
        json().post("/api/auth/resend-verification").then().statusCode(401);
    }

    @Test
    void atMostThreeMailsPerHourGoToOneAccount() {
        String email = uniqueEmail("flood");
        Api.registerCustomer(email);
        String access = signIn(email, Api.PASSWORD).getString("accessToken");
        for (int i = 0; i < 4; i++) {
            bearer(access).post("/api/auth/resend-verification").then().statusCode(202);
        }
        assertEquals(3, Mails.settledCount(mailbox, email));
    }

    private static io.restassured.response.Response verify(String token) {
        return json().body(Map.of("token", token)).post("/api/auth/verify-email");
    }
}
