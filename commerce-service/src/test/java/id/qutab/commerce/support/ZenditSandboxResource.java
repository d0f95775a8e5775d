package id.qutab.commerce.support;

import id.qutab.zendit.sandbox.SandboxConfig;
import id.qutab.zendit.sandbox.ZenditSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * The embedded Zendit sandbox on a random port; it calls back the test app on its fixed test port
 * ({@code %test.quarkus.http.test-port=18182}).
 */
public class ZenditSandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "test-zendit-secret";
    public static final String CALLBACK_TOKEN = "test-zendit-callback-token";
    /** The app's test port: {@code COMMERCE_TEST_PORT} (environment) or 18182, as in application.properties. */
    public static final String CALLBACK_URL = "http://localhost:"
            + java.util.Objects.requireNonNullElse(System.getenv("COMMERCE_TEST_PORT"), "18182") + "/webhooks/zendit";

    private static ZenditSandbox sandbox;

    public static synchronized ZenditSandbox sandbox() {
        if (sandbox == null) {
            sandbox = ZenditSandbox.start(new SandboxConfig(0, SECRET_KEY, CALLBACK_TOKEN, CALLBACK_URL, null, 3,
                    Duration.ofMillis(100)));
        }
        return sandbox;
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "qutab.zendit.base-url", sandbox().baseUrl(),
                "qutab.zendit.secret-key", SECRET_KEY,
                "qutab.zendit.callback-token", CALLBACK_TOKEN);
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM, like the database
    }
}
