package id.qutab.identity.tokens;

import id.qutab.identity.support.TestKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link RefreshTest} against the packaged app (jar here, native binary in CI): refresh rotation and reuse detection, checked in the refresh_tokens rows. */
@QuarkusIntegrationTest
@WithTestResource(TestKeyFiles.class)
class RefreshIT extends RefreshTest {
}
