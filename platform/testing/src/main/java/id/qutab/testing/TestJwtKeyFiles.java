package id.qutab.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The test JWT key pair ({@link TestJwt}) as files, for a {@code @QuarkusIntegrationTest}. The platform's
 * {@code %test} profile names the keys by their classpath location ({@code qutab-test-jwt/*.pem} in this jar, a test
 * dependency): the packaged jar and the native binary do not contain them, so the test JVM writes them out and hands
 * the app their paths. Identity signs with the private key and publishes the public one; every service verifies
 * {@link TestJwt}'s tokens with the public one.
 */
public class TestJwtKeyFiles implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "it-jwt").toAbsolutePath();
        String privateKey = copy("private-key.pem", dir);
        String publicKey = copy("public-key.pem", dir);
        return Map.of(
                "smallrye.jwt.sign.key.location", privateKey,
                "qutab.jwt.public-key-location", publicKey,
                "mp.jwt.verify.publickey.location", publicKey);
    }

    @Override
    public void stop() {
        // the files stay under target/; the next launch overwrites them
    }

    private static String copy(String name, Path dir) {
        try (InputStream in = TestJwtKeyFiles.class.getResourceAsStream("/qutab-test-jwt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("qutab-test-jwt/" + name + " is not on the test classpath");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
