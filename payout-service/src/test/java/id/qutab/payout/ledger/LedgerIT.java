package id.qutab.payout.ledger;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link LedgerTest} against the packaged app (jar here, native binary in CI): commission events delivered signed,
 * as affiliate-service's relay would, applied once, in any order, and visible in the balances and payout rows.
 */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class LedgerIT extends LedgerTest {
}
