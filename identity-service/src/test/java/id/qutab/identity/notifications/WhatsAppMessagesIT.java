package id.qutab.identity.notifications;

import id.qutab.testing.TestJwtKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link WhatsAppMessagesTest} against the packaged app (jar here, native binary in CI): events delivered to the inbox (signed, as a relay would) applied: WhatsApp messages in the sandbox, notification rows, the admin message log. */
@QuarkusIntegrationTest
@WithTestResource(TestJwtKeyFiles.class)
class WhatsAppMessagesIT extends WhatsAppMessagesTest {
}
