package id.qutab.identity.tokens;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RefreshTest} against the packaged app (jar here, native binary in CI): refresh rotation and reuse detection, checked in the refresh_tokens rows. */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class RefreshIT extends RefreshTest {
}
