package id.qutab.affiliate.support;

import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Hands the app under test the test tokens' public key as a file. The platform's {@code %test} profile names it as a
 * classpath resource of qutab-platform-testing, a test dependency that the packaged jar and the native binary the
 * {@code *IT} classes run do not contain; a file works for the JVM tests, the jar and the binary alike.
 */
public class TestJwtKeyResource implements QuarkusTestResourceLifecycleManager {

    private static final String PUBLIC_KEY = "qutab-test-jwt/public-key.pem";

    private static Path file;

    static synchronized Path file() {
        if (file == null) {
            try (InputStream key = TestJwt.class.getClassLoader().getResourceAsStream(PUBLIC_KEY)) {
                if (key == null) {
                    throw new IllegalStateException(PUBLIC_KEY + " is not on the test classpath");
                }
                Path written = Files.createTempFile("qutab-test-jwt-", ".pem");
                Files.write(written, key.readAllBytes());
                written.toFile().deleteOnExit();
                file = written;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return file;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", file().toUri().toString());
    }

    @Override
    public void stop() {
        // kept for the next test class of this JVM, like the database
    }
}
