package id.qutab.platform.notify;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestSmtp;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications: recorded in the business transaction, sent after commit by the platform sender (running here as
 * in production: nudged after commit, polling every second, quick backoff), against the real database and the mock
 * mailbox; {@link TestSmtp} takes SMTP down.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class NotificationsTest {

    @Inject
    Notifications notifications;

    @Inject
    NotificationSender sender;

    @Inject
    MockMailbox mailbox;

    @Inject
    TestDb db;

    @BeforeEach
    void clean() {
        TestSmtp.up();
        TestSmtp.resetRefused();
        db.exec("TRUNCATE notification_outbox, inbox, received_events");
    }

    @AfterEach
    void heal() {
        TestSmtp.up();
    }

    static String address() {
        return "u-" + UUID.randomUUID() + "@example.test";
    }

    static Message welcome(String key, String to) {
        return Message.mail("test.welcome", key, to).withSubject("Selamat datang").withText("Halo " + to);
    }

    int mails(String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? 0 : mails.size();
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Lets the sender do whatever it would do: two rounds here plus more than one poll interval. */
    void settle() throws InterruptedException {
        sender.sendDue();
        Thread.sleep(1_500);
        sender.sendDue();
    }

    @Test
    void aMessageIsSentAfterCommitAndItsRowKeepsNoBody() {
        String to = address();
        QuarkusTransaction.requiringNew().run(() -> assertTrue(notifications.record(
                Message.mail("test.welcome", "k-1", to).withSubject("Halo\u0000!").withText("a\u0000b").withHtml("<p>ab</p>"))));
        await("the mail", () -> mails(to) == 1);
        Mail mail = mailbox.getMailsSentTo(to).get(0);
        assertEquals("Halo!", mail.getSubject());
        assertEquals("ab", mail.getText());
        assertEquals("<p>ab</p>", mail.getHtml());
        UUID id = (UUID) db.one("SELECT id FROM notification_outbox WHERE recipient = ?", to);
        assertEquals(List.of(id.toString()), mail.getHeaders().get(MailChannel.ID_HEADER));
        await("the row marked sent", () -> "SENT".equals(db.one("SELECT status FROM notification_outbox WHERE id = ?", id)));
        assertEquals(List.of(1, "Halo!"), db.rows("SELECT attempts, subject FROM notification_outbox WHERE id = ?", id).get(0));
        // a one-time link in a body must not outlive its sending
        assertEquals(java.util.Arrays.asList(null, null),
                db.rows("SELECT body_text, body_html FROM notification_outbox WHERE id = ?", id).get(0));
    }

    @Test
    void aMessageRecordedInATransactionThatRollsBackIsNeverSent() throws InterruptedException {
        String direct = address();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            notifications.record(welcome("k-2", direct));
            throw new IllegalStateException("the business change fails after the mail was recorded");
        }));
        // and through a consumer that fails after recording: the inbox transaction rolls back, the relay would retry
        String consumed = address();
        SignedEvents.deliver(UUID.randomUUID(), "test.mail.requested", "m-1",
                "{\"n\":1,\"to\":\"" + consumed + "\",\"failAfterMail\":true}").then().statusCode(500);
        settle();
        assertEquals(0, mails(direct));
        assertEquals(0, mails(consumed));
        assertEquals(0, db.count("SELECT count(*) FROM notification_outbox"));
        assertEquals(0, db.count("SELECT count(*) FROM inbox"));
    }

    @Test
    void theSameEventDeliveredTwiceMailsExactlyOnce() throws InterruptedException {
        String to = address();
        UUID eventId = UUID.randomUUID();
        String event = SignedEvents.envelope(eventId, "test.mail.requested", "m-2", "{\"n\":2,\"to\":\"" + to + "\"}");
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        // even a handler that runs again for the same event (its inbox id gone after retention) records nothing new
        db.exec("DELETE FROM inbox WHERE event_id = ?", eventId);
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> notifications.record(
                Message.mail("test.welcome", eventId.toString(), to).withText("again"))));
        await("the mail", () -> mails(to) >= 1);
        settle();
        assertEquals(1, mails(to));
        assertEquals("Selamat datang 2", mailbox.getMailsSentTo(to).get(0).getSubject());
        assertEquals(List.of(List.of("SENT", eventId.toString())),
                db.rows("SELECT status, dedupe_key FROM notification_outbox WHERE recipient = ?", to));
        // another recipient or another template for the same event is another message
        assertTrue(QuarkusTransaction.requiringNew().call(() -> notifications.record(
                Message.mail("test.other", eventId.toString(), to).withText("other"))));
        await("the other mail", () -> mails(to) == 2);
    }

    @Test
    void whileSmtpIsDownTheMessageIsRetriedAndSentExactlyOnceWhenItIsBack() throws InterruptedException {
        TestSmtp.down();
        String to = address();
        QuarkusTransaction.requiringNew().run(() -> notifications.record(welcome("k-3", to)));
        await("three refused attempts", () -> TestSmtp.refused() >= 3);
        assertEquals(0, mails(to));
        List<Object> row = db.rows("SELECT status, attempts, last_error, body_text FROM notification_outbox WHERE recipient = ?", to).get(0);
        assertEquals("PENDING", row.get(0));
        assertTrue(((Number) row.get(1)).intValue() >= 3, row.toString());
        assertTrue(((String) row.get(2)).startsWith("ConnectException"), row.toString());
        assertEquals("Halo " + to, row.get(3), "the body stays until the message is sent");

        TestSmtp.up();
        await("the mail once SMTP is back", () -> mails(to) == 1);
        settle();
        assertEquals(1, mails(to));
        assertEquals("SENT", db.one("SELECT status FROM notification_outbox WHERE recipient = ?", to));
    }

    @Test
    void aMessageNotSentBeforeItsDeadlineFailsAndIsNeverSentLater() throws InterruptedException {
        TestSmtp.down();
        String to = address();
        QuarkusTransaction.requiringNew().run(() -> notifications.record(welcome("k-4", to)
                .withSendUntil(Instant.now().plusMillis(800))));
        await("the message given up", () -> "FAILED".equals(db.one("SELECT status FROM notification_outbox WHERE recipient = ?", to)));
        TestSmtp.up();
        settle();
        assertEquals(0, mails(to));
        List<Object> row = db.rows("SELECT body_text, failed_at IS NOT NULL, last_error IS NOT NULL FROM notification_outbox WHERE recipient = ?", to).get(0);
        assertNull(row.get(0));
        assertEquals(List.of(true, true), row.subList(1, 3));
    }

    @Test
    void sendersRunningSideBySideSendEveryMessageOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 300; i++) {
                String to = address();
                recipients.add(to);
                notifications.record(welcome("bulk-" + i, to));
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            senders.add(pool.submit(() -> {
                while (db.count("SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'") > 0) {
                    sender.sendDue();
                }
            }));
        }
        for (Future<?> f : senders) {
            f.get();
        }
        pool.shutdown();
        settle();
        for (String to : recipients) {
            assertEquals(1, mails(to), to);
        }
        assertEquals(300, db.count("SELECT count(*) FROM notification_outbox WHERE status = 'SENT' AND attempts = 1"));
    }

    @Test
    void retentionDeletesOldSentAndFailedRowsOnly() {
        String to = address();
        QuarkusTransaction.requiringNew().run(() -> {
            notifications.record(welcome("old-sent", to));
            notifications.record(welcome("old-failed", to));
            notifications.record(welcome("recent", to));
        });
        await("three mails", () -> mails(to) == 3);
        await("three rows sent", () -> db.count("SELECT count(*) FROM notification_outbox WHERE status = 'SENT'") == 3);
        db.exec("UPDATE notification_outbox SET sent_at = now() - interval '8 days' WHERE dedupe_key = 'old-sent'");
        db.exec("UPDATE notification_outbox SET status = 'FAILED', sent_at = NULL, failed_at = now() - interval '8 days' "
                + "WHERE dedupe_key = 'old-failed'");
        assertEquals(2, sender.retention());
        assertEquals(List.of(List.of("recent")), db.rows("SELECT dedupe_key FROM notification_outbox"));
    }
}
