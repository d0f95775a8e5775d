package id.qutab.identity.tokens;

import io.smallrye.jwt.util.KeyUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the signing keys are found and checked at start-up (plain unit test, no Quarkus). */
class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void loadsAPemPairFromPlainFilePathsAsTheLauncherPassesThem() throws Exception {
        KeyPair pair = KeyUtils.generateKeyPair(2048);
        Path priv = write("private.pem", "PRIVATE KEY", pair.getPrivate());
        Path pub = write("public.pem", "PUBLIC KEY", pair.getPublic());
        SigningKeys keys = keys(Optional.of(priv.toString()), Optional.of(pub.toString()), false, Duration.ofMinutes(15));
        keys.load();
        assertNotNull(keys.keyId());
        assertTrue(keys.jwks().contains(keys.keyId()));
        assertTrue(keys.jwks().contains("\"alg\":\"RS256\""));
        assertEquals(-1, keys.jwks().indexOf("\"d\""), "no private parts");
    }

    @Test
    void loadsTheTestPairFromTheClasspath() {
        SigningKeys keys = keys(Optional.of("qutab-test-jwt/private-key.pem"), Optional.of("qutab-test-jwt/public-key.pem"),
                false, Duration.ofMinutes(15));
        keys.load();
        assertNotNull(keys.keyId());
    }

    @Test
    void refusesKeysThatDoNotBelongTogether() throws Exception {
        KeyPair one = KeyUtils.generateKeyPair(2048);
        KeyPair other = KeyUtils.generateKeyPair(2048);
        Path priv = write("private.pem", "PRIVATE KEY", one.getPrivate());
        Path pub = write("public.pem", "PUBLIC KEY", other.getPublic());
        SigningKeys keys = keys(Optional.of(priv.toString()), Optional.of(pub.toString()), false, Duration.ofMinutes(15));
        IllegalStateException e = assertThrows(IllegalStateException.class, keys::load);
        assertTrue(e.getMessage().contains("do not belong together"));
    }

    @Test
    void refusesToStartWithoutKeysUnlessEphemeralKeysAreAllowed() {
        assertThrows(IllegalStateException.class,
                () -> keys(Optional.empty(), Optional.empty(), false, Duration.ofMinutes(15)).load());
        assertThrows(IllegalStateException.class,
                () -> keys(Optional.of("qutab-test-jwt/private-key.pem"), Optional.empty(), true, Duration.ofMinutes(15)).load());
        SigningKeys ephemeral = keys(Optional.empty(), Optional.empty(), true, Duration.ofMinutes(15));
        ephemeral.load();
        assertNotNull(ephemeral.keyId());
    }

    @Test
    void refusesAccessTokensLivingLongerThan15Minutes() {
        assertThrows(IllegalStateException.class, () -> keys(Optional.of("qutab-test-jwt/private-key.pem"),
                Optional.of("qutab-test-jwt/public-key.pem"), false, Duration.ofMinutes(16)).load());
    }

    @Test
    void refusesAMissingFile() {
        assertThrows(IllegalStateException.class, () -> keys(Optional.of(dir.resolve("nope.pem").toString()),
                Optional.of("qutab-test-jwt/public-key.pem"), false, Duration.ofMinutes(15)).load());
    }

    private Path write(String name, String type, Key key) throws Exception {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END " + type + "-----\n";
        return Files.writeString(dir.resolve(name), pem);
    }

    private static SigningKeys keys(Optional<String> privateLocation, Optional<String> publicLocation, boolean ephemeral,
                                    Duration ttl) {
        SigningKeys keys = new SigningKeys();
        keys.privateKeyLocation = privateLocation;
        keys.config = new JwtConfig() {
            @Override
            public String issuer() {
                return "https://test.qutab.id";
            }

            @Override
            public Optional<String> publicKeyLocation() {
                return publicLocation;
            }

            @Override
            public Duration accessTokenTtl() {
                return ttl;
            }

            @Override
            public boolean ephemeralKeys() {
                return ephemeral;
            }
        };
        return keys;
    }
}
