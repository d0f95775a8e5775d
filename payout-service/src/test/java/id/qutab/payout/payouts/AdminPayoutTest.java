package id.qutab.payout.payouts;

import id.qutab.testing.PostgresResource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/** {@link AdminPayoutChecks} in the app's own process, where the mails can be read from the mock mailbox. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AdminPayoutTest extends AdminPayoutChecks {

    @Inject
    MockMailbox mailbox;

    @Override
    Optional<List<Mail>> mailsTo(String email, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<Mail> mails = mailbox.getMailsSentTo(email);
            if (mails != null && mails.size() >= count) {
                return Optional.of(mails);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " mails to " + email + ", got " + mailbox.getMailsSentTo(email));
    }
}
