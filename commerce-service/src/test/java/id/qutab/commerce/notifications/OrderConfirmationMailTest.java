package id.qutab.commerce.notifications;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestSmtp;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.await;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.email;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, defect 8: the order confirmation is no longer sent inside the inbox transaction. While SMTP is down the
 * paid event is applied and its inbox row committed (the relay sees a 2xx, nothing dead-letters); the mail follows
 * once SMTP is back, exactly once, also when the event is delivered again.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OrderConfirmationMailTest {

    @Inject
    TestDb db;

    @Inject
    MockMailbox mailbox;

    @Inject
    OutboxRelay relay;

    @AfterEach
    void heal() {
        TestSmtp.up();
    }

    int mails(UUID customer) {
        List<Mail> mails = mailbox.getMailsSentTo(email(customer));
        return mails == null ? 0 : mails.size();
    }

    @Test
    void whileSmtpIsDownThePaidEventIsAppliedAndTheConfirmationFollowsOnceSmtpIsBack() throws Exception {
        UUID me = customer();
        UUID orderId = placed(me, order(item(product("kambing", 3_250_000, 3), 1)));
        // Start from a quiet sender: events other tests left for commerce itself (their orders' paid events) are
        // applied and their mails sent now, while SMTP is up. Otherwise the oldest of them heads every round while
        // SMTP is down (a round stops at its channel's first failure), and this order's mail is never tried.
        relay.newWorker().drain(Duration.ofSeconds(20));
        await("earlier tests' mails sent", Duration.ofSeconds(30),
                () -> db.count("SELECT count(*) FROM notification_outbox WHERE status = 'PENDING'") == 0);
        TestSmtp.resetRefused();
        TestSmtp.down();
        Pay.paid(me, orderId);
        relay.newWorker().drain(Duration.ofSeconds(20));

        UUID eventId = (UUID) db.one("""
                SELECT event_id FROM outbox WHERE event_type = 'commerce.order.paid' AND aggregate_id = ?
                AND destination = 'commerce'""", orderId.toString());
        // the consumer answered 2xx and committed its inbox row although SMTP refused every connection
        assertEquals("SENT", db.one("SELECT status FROM outbox WHERE event_id = ? AND destination = 'commerce'", eventId));
        assertEquals(1, db.count("SELECT count(*) FROM inbox WHERE event_id = ?", eventId));
        await("a refused SMTP attempt", Duration.ofSeconds(30), () -> TestSmtp.refused() > 0
                && db.count("SELECT count(*) FROM notification_outbox WHERE dedupe_key = ? AND attempts > 0",
                eventId.toString()) == 1);
        assertEquals(0, mails(me));
        assertEquals(List.of("PENDING", "commerce.order-paid", email(me)), db.rows(
                "SELECT status, template, recipient FROM notification_outbox WHERE dedupe_key = ?", eventId.toString()).get(0));

        TestSmtp.up();
        await("the confirmation", Duration.ofSeconds(30), () -> mails(me) == 1);
        String number = (String) db.one("SELECT number FROM customer_order WHERE id = ?", orderId);
        Mail mail = mailbox.getMailsSentTo(email(me)).get(0);
        assertEquals("Pembayaran diterima - pesanan " + number, mail.getSubject());
        assertTrue(mail.getHtml().contains("Rp 3.250.000"), mail.getHtml());

        // the same event again (a relay retry after a lost answer): no second mail
        String payload = (String) db.one("SELECT payload::text FROM outbox WHERE event_id = ? AND destination = 'commerce'", eventId);
        SignedEvents.deliver(eventId, "commerce.order.paid", orderId.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        // and even with its inbox id gone (retention), the notification's dedupe key holds
        db.exec("DELETE FROM inbox WHERE event_id = ?", eventId);
        SignedEvents.deliver(eventId, "commerce.order.paid", orderId.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        Thread.sleep(1_500); // more than a poll interval of the sender
        assertEquals(1, mails(me));
        assertEquals(1, db.count("SELECT count(*) FROM notification_outbox WHERE dedupe_key = ?", eventId.toString()));
        assertEquals("SENT", db.one("SELECT status FROM notification_outbox WHERE dedupe_key = ?", eventId.toString()));
    }
}
