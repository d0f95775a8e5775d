package id.qutab.zendit.sandbox;

import id.qutab.sandbox.kit.Env;
import id.qutab.sandbox.kit.SandboxMain;

import java.util.Map;

/**
 * {@code java -jar tools/zendit-sandbox/target/zendit-sandbox.jar}: runs the sandbox until SIGTERM/Ctrl-C.
 *
 * <p>Environment: {@code ZENDIT_SANDBOX_PORT} (8090), {@code QUTAB_ZENDIT_SECRET_KEY} ({@code sandbox-secret-key}),
 * {@code QUTAB_ZENDIT_CALLBACK_TOKEN} ({@code sandbox-callback-token}), {@code ZENDIT_SANDBOX_CALLBACK_URL}
 * ({@code http://localhost:8080/webhooks/zendit}, through the gateway), {@code ZENDIT_SANDBOX_PUBLIC_URL} (the base
 * URL), {@code ZENDIT_SANDBOX_CALLBACK_MAX_ATTEMPTS} (6), {@code ZENDIT_SANDBOX_CALLBACK_FIRST_RETRY_MS} (1000).
 */
public final class Main {

    static final int DEFAULT_PORT = 8090;
    static final String DEFAULT_CALLBACK_URL = "http://localhost:8080/webhooks/zendit";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SandboxMain.run("zendit-sandbox", "invoices", Main::fromEnvironment, ZenditSandbox::start,
                (c, s) -> "Zendit sandbox listening on " + s.baseUrl() + " (invoice pages on " + s.publicBaseUrl()
                + "/web/invoices/{id}), callbacks to " + s.callbackUrl() + ", up to "
                + c.callbackMaxAttempts() + " tries from " + c.callbackFirstRetryDelay().toMillis()
                + " ms; in memory only");
    }

    /** The configuration from environment variables (see the class comment). */
    static SandboxConfig fromEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        SandboxConfig config = SandboxConfig.defaults()
                .withPort(env.intValue("ZENDIT_SANDBOX_PORT", DEFAULT_PORT, 0, 65535))
                .withCallbackUrl(env.value("ZENDIT_SANDBOX_CALLBACK_URL", DEFAULT_CALLBACK_URL))
                .withCallbackMaxAttempts(env.intValue("ZENDIT_SANDBOX_CALLBACK_MAX_ATTEMPTS",
                        SandboxConfig.DEFAULT_CALLBACK_MAX_ATTEMPTS, 1, 100))
                .withCallbackFirstRetryDelay(java.time.Duration.ofMillis(env.intValue(
                        "ZENDIT_SANDBOX_CALLBACK_FIRST_RETRY_MS",
                        (int) SandboxConfig.DEFAULT_CALLBACK_FIRST_RETRY_DELAY.toMillis(), 0, 3_600_000)));
        String secret = env.value("QUTAB_ZENDIT_SECRET_KEY", null);
        if (secret != null) {
            config = config.withSecretKey(secret);
        }
        String token = env.value("QUTAB_ZENDIT_CALLBACK_TOKEN", null);
        if (token != null) {
            config = config.withCallbackToken(token);
        }
        String publicUrl = env.value("ZENDIT_SANDBOX_PUBLIC_URL", null);
        if (publicUrl != null) {
            config = config.withPublicBaseUrl(publicUrl);
        }
        return config;
    }
}
