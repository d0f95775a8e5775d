package id.qutab.identity.support;

import id.qutab.whatsapp.sandbox.SandboxConfig;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * The embedded WhatsApp sandbox on a random port, configured as identity's provider. Its status webhooks go to the
 * test app once a test names the app's (random) port with {@code sandbox().setCallbackUrl(...)}.
 */
public class WhatsAppSandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-whatsapp-token";
    public static final String APP_SECRET = "test-whatsapp-app-secret";
    public static final String VERIFY_TOKEN = "test-whatsapp-verify-token";

    private static WhatsAppSandbox sandbox;

    public static synchronized WhatsAppSandbox sandbox() {
        if (sandbox == null) {
            sandbox = WhatsAppSandbox.start(SandboxConfig.defaults().withAccessToken(TOKEN).withAppSecret(APP_SECRET)
                    .withWebhookRetryDelays(Duration.ofMillis(50), Duration.ofMillis(500)));
        }
        return sandbox;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "qutab.whatsapp.base-url", sandbox().baseUrl(),
                "qutab.whatsapp.access-token", TOKEN,
                "qutab.whatsapp.phone-number-id", sandbox().config().phoneNumberId(),
                "qutab.whatsapp.app-secret", APP_SECRET,
                "qutab.whatsapp.verify-token", VERIFY_TOKEN);
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM, like the database
    }
}
