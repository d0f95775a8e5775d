package id.qutab.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Secrets of a local run, generated once and kept in {@code <data>/secrets} (directory 0700, files 0600):
 * database passwords, the events HMAC secret, the admin password, identity's JWT signing key pair. Deleting a
 * file makes the next start generate a new one.
 */
public final class LocalSecrets {

    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Path dir;
    private final SecureRandom random = new SecureRandom();

    public LocalSecrets(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
        } catch (IOException e) {
            throw new LauncherException("could not create the secrets directory " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** A random password (32 URL-safe characters) stored under {@code name}, generated on first use. */
    public String password(String name) {
        return readOrCreate(name, () -> randomToken(24));
    }

    /** A random AES-256 key, base64 (standard alphabet) of 32 bytes, stored under {@code name}. */
    public String aesKey(String name) {
        return readOrCreate(name, () -> {
            byte[] key = new byte[32];
            random.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        });
    }

    /** The HMAC secret every service shares for {@code POST /internal/events}. */
    public String eventsSecret() {
        return readOrCreate("events-secret", () -> randomToken(32));
    }

    /** The generated admin password: 20 letters and digits, with at least one upper, one lower, one digit. */
    public String adminPassword() {
        return readOrCreate("admin-password", this::readablePassword);
    }

    /** Identity's RS256 key pair as PEM files (PKCS#8 private key, X.509 public key), generated once. */
    public JwtKeyFiles jwtKeys() {
        Path privateKey = dir.resolve("jwt-private-key.pem");
        Path publicKey = dir.resolve("jwt-public-key.pem");
        synchronized (this) {
            if (!Files.isRegularFile(privateKey) || !Files.isRegularFile(publicKey)) {
                KeyPair pair = rsaKeyPair();
                writeAtomically(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                writeAtomically(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            restrict(privateKey);
            restrict(publicKey);
        }
        return new JwtKeyFiles(privateKey, publicKey);
    }

    public record JwtKeyFiles(Path privateKey, Path publicKey) {
    }

    private synchronized String readOrCreate(String name, java.util.function.Supplier<String> generator) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                restrict(file);
                String value = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        } catch (IOException e) {
            throw new LauncherException("could not read " + file + ": " + e.getMessage(), e);
        }
        String value = generator.get();
        writeAtomically(file, value + "\n");
        return value;
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private String readablePassword() {
        while (true) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
            }
            String candidate = s.toString();
            if (candidate.chars().anyMatch(Character::isUpperCase)
                    && candidate.chars().anyMatch(Character::isLowerCase)
                    && candidate.chars().anyMatch(Character::isDigit)) {
                return candidate;
            }
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no RSA", e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Writes through an owner-only temporary file and renames it, so a reader never sees a half-written secret. */
    private void writeAtomically(Path file, String content) {
        try {
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            try {
                Files.writeString(tmp, content, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new LauncherException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new LauncherException("could not restrict " + file + " to its owner: " + e.getMessage(), e);
        }
    }
}
