package id.qutab.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalSecretsTest {

    @TempDir
    Path dir;

    @Test
    void generatesOnceKeepsOwnerOnlyAndSurvivesANewInstance() throws Exception {
        Path secretsDir = dir.resolve("secrets");
        LocalSecrets first = new LocalSecrets(secretsDir);
        String events = first.eventsSecret();
        String admin = first.adminPassword();
        String db = first.password("db-qutab_identity-password");
        LocalSecrets.JwtKeyFiles keys = first.jwtKeys();

        LocalSecrets second = new LocalSecrets(secretsDir);
        assertEquals(events, second.eventsSecret());
        assertEquals(admin, second.adminPassword());
        assertEquals(db, second.password("db-qutab_identity-password"));
        assertEquals(Files.readString(keys.privateKey()), Files.readString(second.jwtKeys().privateKey()));
        assertNotEquals(db, second.password("db-qutab_commerce-password"));

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secretsDir)));
        try (var files = Files.list(secretsDir)) {
            files.forEach(f -> {
                try {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertTrue(admin.matches("[A-Za-z0-9]{20}") && admin.matches(".*[A-Z].*") && admin.matches(".*[a-z].*")
                && admin.matches(".*[0-9].*"), admin);
        assertTrue(events.length() >= 40);
    }

    @Test
    void jwtKeysArePemRsa2048ThatJavaReadsBack() throws Exception {
        LocalSecrets.JwtKeyFiles keys = new LocalSecrets(dir).jwtKeys();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(der(keys.publicKey(), "PUBLIC KEY")));
        assertEquals(2048, pub.getModulus().bitLength());
        rsa.generatePrivate(new PKCS8EncodedKeySpec(der(keys.privateKey(), "PRIVATE KEY")));
    }

    private static byte[] der(Path pem, String type) throws Exception {
        String text = Files.readString(pem);
        assertTrue(text.startsWith("-----BEGIN " + type + "-----\n"), text);
        assertTrue(text.endsWith("-----END " + type + "-----\n"), text);
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }
}
