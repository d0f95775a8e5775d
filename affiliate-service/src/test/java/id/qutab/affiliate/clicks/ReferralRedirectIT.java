package id.qutab.affiliate.clicks;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link ReferralRedirectTest} against the packaged app (the jar in {@code ./mvnw verify}, the native binary in CI):
 * {@code /r/{code}} redirects, sets the cookie, records the visitor's click (hashed, never the raw address).
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = TestJwtKeyFiles.class, restrictToAnnotatedClass = false)
class ReferralRedirectIT extends ReferralRedirectTest {

    /**
     * No bean to call in another process: wait for the scheduled flush, every second
     * ({@code qutab.referral.click-flush-interval}); two intervals see every click of the test written.
     */
    @Override
    void flushClicks() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
