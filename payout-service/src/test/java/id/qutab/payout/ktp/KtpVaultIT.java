package id.qutab.payout.ktp;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link KtpVaultChecks} against the packaged app (jar here, native binary in CI): KTP upload validated by content
 * (ImageIO), sealed on disk, read back decrypted by an admin only, audited.
 */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class KtpVaultIT extends KtpVaultChecks {
}
