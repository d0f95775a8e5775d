package id.qutab.commerce.payments;

import id.qutab.testing.TestJwtKeyFiles;
import id.qutab.commerce.support.Fixtures;
import id.qutab.testing.SignedEvents;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link PaymentsTest} against the packaged app (the jar in {@code ./mvnw verify}, the native binary in CI): order,
 * payment on the Zendit sandbox (which runs in this test JVM and calls the app back), order PAID, the invoice PDF.
 * The two in-process helpers of the JVM test are replaced: this JVM relays the outbox rows for commerce itself, and
 * the confirmation mail is checked in the notification outbox (rendered and sent; what it says is the JVM test's).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TestJwtKeyFiles.class, restrictToAnnotatedClass = false)
class PaymentsIT extends PaymentsTest {

    /** The relay is off in the {@code %test} profile: deliver commerce's own pending events, signed, as it would. */
    @Override
    void relayOutbox() {
        List<List<Object>> pending = db.rows("""
                SELECT event_id::text, event_type, aggregate_id, occurred_at, version, payload::text FROM outbox
                WHERE destination = 'commerce' AND status = 'PENDING' ORDER BY seq""");
        for (List<Object> event : pending) {
            SignedEvents.deliver("{\"id\":\"" + event.get(0) + "\",\"type\":\"" + event.get(1) + "\",\"aggregateId\":\""
                    + event.get(2) + "\",\"occurredAt\":\"" + ((Timestamp) event.get(3)).toInstant() + "\",\"version\":"
                    + event.get(4) + ",\"payload\":" + event.get(5) + "}").then().statusCode(200);
            db.exec("UPDATE outbox SET status = 'SENT', sent_at = now() WHERE event_id = ?::uuid AND destination = 'commerce'",
                    event.get(0));
        }
    }

    /**
     * Exactly {@code count} mails to {@code to} rendered and sent by the packaged app. Their text cannot be read here
     * (the mock mailbox lives in the app's process; bodies are wiped from the outbox once sent): {@code content} is
     * the JVM test's to check.
     */
    @Override
    void mailed(String to, int count, Consumer<Mail> content) {
        Fixtures.await(count + " mail(s) sent to " + to, Duration.ofSeconds(10), () -> sent(to) >= count);
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(count, sent(to));
    }

    private long sent(String to) {
        return db.count("SELECT count(*) FROM notification_outbox WHERE recipient = ? AND status = 'SENT'", to);
    }
}
