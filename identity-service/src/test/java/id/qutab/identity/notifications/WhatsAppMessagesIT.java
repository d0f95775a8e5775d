package id.qutab.identity.notifications;

import id.qutab.identity.support.TestKeyFiles;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link WhatsAppMessagesTest} against the packaged app (jar here, native binary in CI): events delivered to the inbox (signed, as a relay would) applied: WhatsApp messages in the sandbox, notification rows, the admin message log. */
@QuarkusIntegrationTest
@WithTestResource(TestKeyFiles.class)
class WhatsAppMessagesIT extends WhatsAppMessagesTest {
}
