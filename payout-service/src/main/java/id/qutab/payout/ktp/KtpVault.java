package id.qutab.payout.ktp;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Seals KTP images (and the NIK) with AES-256-GCM before anything is written: a random 12-byte IV per item, a
 * 128-bit tag, and the payout account id as associated data, so a file copied onto another account's record does
 * not open. Files get random names under {@code qutab.ktp.dir}; the key id and IV live in the database record.
 */
@Startup
@ApplicationScoped
public class KtpVault {

    private static final Logger LOG = Logger.getLogger(KtpVault.class);
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern STORAGE_NAME = Pattern.compile("[0-9a-f]{32}\\.ktp");

    private final SecureRandom random = new SecureRandom();

    @Inject
    KtpConfig config;

    @Inject
    KtpKeyring keyring;

    private Path dir;

    /** The result of sealing: which key, which IV, and the ciphertext with its tag. */
    public record Sealed(String keyId, byte[] iv, byte[] ciphertext) {
    }

    @PostConstruct
    void prepareDirectory() {
        dir = Path.of(config.dir()).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the KTP directory " + dir, e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new IllegalStateException("the KTP directory " + dir + " is not a writable directory");
        }
    }

    public Path directory() {
        return dir;
    }

    public String activeKeyId() {
        return keyring.activeId();
    }

    /** Seals an image for an account with the active key. */
    public Sealed seal(UUID accountId, byte[] plaintext) {
        return seal(keyring.activeId(), accountId, plaintext);
    }

    Sealed seal(String keyId, UUID accountId, byte[] plaintext) {
        SecretKey key = keyring.byId(keyId).orElseThrow(() -> new IllegalStateException("unknown KTP key " + keyId));
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        return new Sealed(keyId, iv, crypt(Cipher.ENCRYPT_MODE, key, iv, imageAad(accountId), plaintext));
    }

    /** Opens what {@link #seal} produced; fails when the key, IV, account or a single byte differ. */
    public byte[] open(UUID accountId, String keyId, byte[] iv, byte[] ciphertext) {
        SecretKey key = keyring.byId(keyId)
                .orElseThrow(() -> new IllegalStateException("KTP key " + keyId + " is not configured any more"));
        return crypt(Cipher.DECRYPT_MODE, key, iv, imageAad(accountId), ciphertext);
    }

    /** Writes a sealed image under a new random name and returns the name. Never overwrites. */
    public String store(byte[] ciphertext) {
        for (int attempt = 0; ; attempt++) {
            String name = HexFormat.of().formatHex(randomBytes(16)) + ".ktp";
            Path file = dir.resolve(name);
            try {
                Files.write(file, ciphertext, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.SYNC);
                restrictToOwner(file);
                return name;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 3) {
                    throw new UncheckedIOException(e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a KTP file", e);
            }
        }
    }

    public byte[] load(String storageName) {
        try {
            return Files.readAllBytes(fileOf(storageName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KTP file " + storageName, e);
        }
    }

    /** Deletes a stored file; a missing file is fine (deletion is retried by whoever calls again). */
    public void delete(String storageName) {
        try {
            Files.deleteIfExists(fileOf(storageName));
        } catch (IOException e) {
            LOG.warnf("could not delete KTP file %s: %s", storageName, e.getClass().getSimpleName());
        }
    }

    /** Seals a short text field (the NIK): {@code <keyId>:<base64(iv | ciphertext)>}. */
    public String sealField(String field, UUID accountId, String value) {
        byte[] iv = randomBytes(IV_BYTES);
        byte[] ct = crypt(Cipher.ENCRYPT_MODE, keyring.active(), iv, fieldAad(field, accountId),
                value.getBytes(StandardCharsets.UTF_8));
        ByteBuffer packed = ByteBuffer.allocate(iv.length + ct.length).put(iv).put(ct);
        return keyring.activeId() + ":" + Base64.getEncoder().encodeToString(packed.array());
    }

    public String openField(String field, UUID accountId, String sealed) {
        int colon = sealed.indexOf(':');
        String keyId = sealed.substring(0, colon);
        byte[] packed = Base64.getDecoder().decode(sealed.substring(colon + 1));
        SecretKey key = keyring.byId(keyId)
                .orElseThrow(() -> new IllegalStateException("KTP key " + keyId + " is not configured any more"));
        byte[] iv = java.util.Arrays.copyOfRange(packed, 0, IV_BYTES);
        byte[] ct = java.util.Arrays.copyOfRange(packed, IV_BYTES, packed.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, iv, fieldAad(field, accountId), ct), StandardCharsets.UTF_8);
    }

    /** The key id a sealed field was sealed with. */
    public static String keyIdOfField(String sealed) {
        return sealed.substring(0, sealed.indexOf(':'));
    }

    private Path fileOf(String storageName) {
        if (storageName == null || !STORAGE_NAME.matcher(storageName).matches()) {
            throw new IllegalArgumentException("not a KTP storage name");
        }
        return dir.resolve(storageName);
    }

    private static byte[] imageAad(UUID accountId) {
        return accountId.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fieldAad(String field, UUID accountId) {
        return (field + ":" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new KtpIntegrityException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the directory's own permissions have to do
        }
    }

    /** The stored ciphertext does not open with its key, IV and account: tampered with, or moved. */
    public static class KtpIntegrityException extends RuntimeException {
        KtpIntegrityException() {
            super("KTP ciphertext failed authentication", null, false, false);
        }
    }
}
