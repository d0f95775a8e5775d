package id.qutab.systemtests;

import id.qutab.launcher.Platform;
import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * One whole platform (launcher, embedded PostgreSQL, every app) shared by all the admin console's browser tests:
 * starting it takes a minute, and the tests make their own data (fresh accounts, fresh orders) so they do not step on
 * each other. Started by the first test class that uses {@code @ExtendWith(ConsolePlatform.class)}, stopped when
 * the test run ends.
 */
public final class ConsolePlatform implements BeforeAllCallback {

    public static final String ADMIN_EMAIL = "admin@qutab.console.test";
    public static final String ADMIN_PASSWORD = "Console-test-admin-2026";

    private static Running running;

    private record Running(Platform platform, Path data) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            platform.close();
            SystemTestSupport.deleteDataDir(data);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        synchronized (ConsolePlatform.class) {
            if (running == null) {
                Path data = SystemTestSupport.newDataDir("console");
                Platform platform = Platform.start(SystemTestSupport.options(data)
                        .env("QUTAB_ADMIN_EMAIL", ADMIN_EMAIL)
                        .env("QUTAB_ADMIN_PASSWORD", ADMIN_PASSWORD)
                        .env("QUTAB_COMMISSION_HOLD_DAYS", "0")
                        .env("QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "1000")
                        .build());
                running = new Running(platform, data);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(ConsolePlatform.class, running);
            }
        }
        URI gateway = gateway();
        RestAssured.baseURI = gateway.toString();
        RestAssured.port = gateway.getPort();
    }

    /** The gateway of the shared platform: the console is at {@code <gateway>/admin/}. */
    public static URI gateway() {
        return running.platform().gatewayUrl().orElseThrow();
    }

    public static Platform platform() {
        return running.platform();
    }
}
