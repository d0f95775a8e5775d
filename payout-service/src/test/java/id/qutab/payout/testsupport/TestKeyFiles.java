package id.qutab.payout.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The platform-testing JWT public key as a file, for a {@code @QuarkusIntegrationTest}. The {@code %test} profile
 * names it by its classpath location ({@code qutab-test-jwt/public-key.pem} in platform-testing, a test
 * dependency): the packaged jar and the native binary do not contain it, so the test JVM writes it out and hands
 * the app its path. {@code TestJwt}'s tokens verify with it.
 */
public class TestKeyFiles implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "it-jwt").toAbsolutePath();
        try (InputStream in = TestKeyFiles.class.getResourceAsStream("/qutab-test-jwt/public-key.pem")) {
            if (in == null) {
                throw new IllegalStateException("qutab-test-jwt/public-key.pem is not on the test classpath (platform-testing)");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve("public-key.pem");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return Map.of("mp.jwt.verify.publickey.location", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the file stays under target/; the next launch overwrites it
    }
}
