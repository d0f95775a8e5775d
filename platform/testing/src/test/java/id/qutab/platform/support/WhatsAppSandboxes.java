package id.qutab.platform.support;

import id.qutab.whatsapp.sandbox.SandboxConfig;
import id.qutab.whatsapp.sandbox.WhatsAppSandbox;

import java.time.Duration;

/** The one embedded WhatsApp sandbox of the test JVM, configured as the test app's qutab.whatsapp.* expects. */
public final class WhatsAppSandboxes {

    public static final String TOKEN = "test-whatsapp-token";
    public static final String APP_SECRET = "test-whatsapp-app-secret";
    public static final String CALLBACK = "http://localhost:18181/test/whatsapp-webhook";

    private static WhatsAppSandbox sandbox;

    private WhatsAppSandboxes() {
    }

    public static synchronized WhatsAppSandbox get() {
        if (sandbox == null) {
            sandbox = WhatsAppSandbox.start(SandboxConfig.defaults().withAccessToken(TOKEN).withAppSecret(APP_SECRET)
                    .withCallbackUrl(CALLBACK).withWebhookRetryDelays(Duration.ofMillis(20), Duration.ofMillis(200)));
            Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        }
        return sandbox;
    }
}
