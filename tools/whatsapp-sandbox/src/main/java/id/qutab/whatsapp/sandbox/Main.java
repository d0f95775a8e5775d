package id.qutab.whatsapp.sandbox;

import id.qutab.sandbox.kit.Env;
import id.qutab.sandbox.kit.SandboxMain;

import java.time.Duration;
import java.util.Map;

/**
 * {@code java -jar tools/whatsapp-sandbox/target/whatsapp-sandbox.jar}: runs the sandbox until SIGTERM/Ctrl-C.
 * The environment variables are listed in the module README.
 */
public final class Main {

    static final int DEFAULT_PORT = 8091;
    static final String DEFAULT_CALLBACK_URL = "http://localhost:8080/webhooks/whatsapp";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxMain.run("whatsapp-sandbox", "messages", Main::fromEnvironment, WhatsAppSandbox::start,
                (c, s) -> "WhatsApp sandbox listening on " + s.baseUrl() + " (phone number id " + c.phoneNumberId()
                + "), status webhooks to " + s.callbackUrl() + ", up to " + c.webhookMaxAttempts()
                + " tries; numbers ending in " + (c.failDigit() == null ? "(none)" : c.failDigit())
                + " fail; in memory only");
    }

    /** The configuration from environment variables (see the README). */
    static SandboxConfig fromEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        SandboxConfig config = SandboxConfig.defaults()
                .withPort(env.intValue("WHATSAPP_SANDBOX_PORT", DEFAULT_PORT, 0, 65535))
                .withCallbackUrl(env.value("WHATSAPP_SANDBOX_CALLBACK_URL", DEFAULT_CALLBACK_URL))
                .withWebhookMaxAttempts(env.intValue("WHATSAPP_SANDBOX_WEBHOOK_MAX_ATTEMPTS",
                        SandboxConfig.DEFAULT_WEBHOOK_MAX_ATTEMPTS, 1, 1000))
                .withWebhookRetryDelays(
                        Duration.ofMillis(env.intValue("WHATSAPP_SANDBOX_WEBHOOK_FIRST_RETRY_MS",
                                (int) SandboxConfig.DEFAULT_WEBHOOK_FIRST_RETRY_DELAY.toMillis(), 0, 3_600_000)),
                        Duration.ofMillis(env.intValue("WHATSAPP_SANDBOX_WEBHOOK_MAX_RETRY_MS",
                                (int) SandboxConfig.DEFAULT_WEBHOOK_MAX_RETRY_DELAY.toMillis(), 0, 3_600_000)));
        String token = env.value("QUTAB_WHATSAPP_TOKEN", null);
        if (token != null) {
            config = config.withAccessToken(token);
        }
        String secret = env.value("QUTAB_WHATSAPP_APP_SECRET", null);
        if (secret != null) {
            config = config.withAppSecret(secret);
        }
        String phoneNumberId = env.value("QUTAB_WHATSAPP_PHONE_NUMBER_ID", null);
        if (phoneNumberId != null) {
            config = config.withPhoneNumberId(phoneNumberId);
        }
        String failDigit = env.value("WHATSAPP_SANDBOX_FAIL_DIGIT", null);
        if (failDigit != null) {
            if (failDigit.equalsIgnoreCase("none")) {
                config = config.withFailDigit(null);
            } else if (failDigit.length() == 1 && Character.isDigit(failDigit.charAt(0))) {
                config = config.withFailDigit(failDigit.charAt(0));
            } else {
                throw new IllegalArgumentException("WHATSAPP_SANDBOX_FAIL_DIGIT must be one digit or none, was " + failDigit);
            }
        }
        return config;
    }
}
