package id.qutab.identity.mail;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Mails;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestSmtp;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identity's mails through the platform's notifications: after commit, retried, never past the link's life. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AccountMailsTest {

    @Inject
    TestDb db;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void heal() {
        TestSmtp.up();
    }

    @Test
    void aResetMailWaitsOutAnSmtpOutageLivesNoLongerThanItsLinkAndLeavesNoTokenBehind() {
        String email = Api.uniqueEmail("outage");
        UUID user = Api.registerCustomer(email);
        Mails.await(mailbox, email, 1);

        TestSmtp.failNext(2);
        Api.json().body(Map.of("email", email)).post("/api/auth/forgot-password").then().statusCode(202);
        String token = Mails.token(Mails.await(mailbox, email, 2).get(1));
        assertEquals(2, Mails.settledCount(mailbox, email));

        List<Object> row = db.rows("""
                SELECT status, attempts, body_text, body_html FROM notification_outbox
                WHERE recipient = ? AND template = 'identity.reset-password'""", email).get(0);
        assertEquals(Arrays.asList("SENT", 3, null, null), row);
        double gap = ((Number) db.one("""
                SELECT abs(extract(epoch FROM n.send_until - t.expires_at)) FROM notification_outbox n, one_time_tokens t
                WHERE n.recipient = ? AND n.template = 'identity.reset-password'
                  AND t.user_id = ? AND t.purpose = 'RESET_PASSWORD'""", email, user)).doubleValue();
        assertTrue(gap < 5, "send_until should be the link's expiry, " + gap + " s apart");
        assertEquals(0, db.count("SELECT count(*) FROM notification_outbox WHERE subject LIKE ? OR body_text LIKE ?",
                "%" + token + "%", "%" + token + "%"));
    }
}
