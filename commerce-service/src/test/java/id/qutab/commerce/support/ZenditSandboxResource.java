package id.qutab.commerce.support;

import id.qutab.zendit.sandbox.SandboxConfig;
import id.qutab.zendit.sandbox.ZenditSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.time.Duration;
import java.util.Map;

/**
 * The embedded Zendit sandbox on a random port, in the test JVM; it calls back the app under test on its fixed test
 * port: the {@code @QuarkusTest} app, or the packaged app a {@code *IT} class launches (which listens on the same
 * {@code quarkus.http.test-port}).
 */
public class ZenditSandboxResource implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET_KEY = "test-zendit-secret";
    public static final String CALLBACK_TOKEN = "test-zendit-callback-token";
    /**
     * The app's test port, resolved as its configuration does: {@code -Dquarkus.http.test-port} if given, else
     * {@code COMMERCE_TEST_PORT} (environment), else 18182 (application.properties).
     */
    public static final String CALLBACK_URL = "http://localhost:" + System.getProperty("quarkus.http.test-port",
            java.util.Objects.requireNonNullElse(System.getenv("COMMERCE_TEST_PORT"), "18182")) + "/webhooks/zendit";

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
