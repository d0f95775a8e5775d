package id.qutab.identity.tokens;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LoginTest} against the packaged app (jar here, native binary in CI): sign-in: registration, login with its RS256 token and hashed refresh token, the throttle's rows. */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class LoginIT extends LoginTest {
}
