package id.qutab.identity.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The platform-testing JWT key pair as files, for a {@code @QuarkusIntegrationTest}. The {@code %test} profile names
 * the keys by their classpath location ({@code qutab-test-jwt/*.pem} in platform-testing, a test dependency): the
 * packaged jar and the native binary do not contain them, so the test JVM writes them out and hands the app their
 * paths. Identity signs with the private key (so its tokens and {@code TestJwt}'s verify alike) and publishes and
 * verifies with the public one.
 */
public class TestKeyFiles implements QuarkusTestResourceLifecycleManager {

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
        try (InputStream in = TestKeyFiles.class.getResourceAsStream("/qutab-test-jwt/" + name)) {
            if (in == null) {
                throw new IllegalStateException("qutab-test-jwt/" + name + " is not on the test classpath (platform-testing)");
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
