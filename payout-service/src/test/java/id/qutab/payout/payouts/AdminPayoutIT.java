package id.qutab.payout.payouts;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.mailer.Mail;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

import java.util.List;
import java.util.Optional;

/**
 * {@link AdminPayoutChecks} against the packaged app (jar here, native binary in CI): the payout transitions and
 * their events, the statement PDF (OpenPDF, its fonts) read back as text, the CSV transfer batch.
 */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class AdminPayoutIT extends AdminPayoutChecks {

    /** The mock mailbox is in the app's process; the mails' content is {@link AdminPayoutTest}'s to check. */
    @Override
    Optional<List<Mail>> mailsTo(String email, int count) {
        return Optional.empty();
    }
}
