package id.qutab.affiliate.clicks;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who a visitor is, for unique-click counting: SHA-256 over a secret salt, the IP and the user agent. The raw IP
 * is never stored or logged; without the salt the hash cannot be recomputed from a guessed IP.
 *
 * <p>Uniqueness itself (same visitor and affiliate within 24 h counts once) is decided when a batch is written:
 * see {@link ClickBatchWriter}.
 */
@Singleton
public class UniqueVisitor {

    private static final int MAX_USER_AGENT = 512;

    private final byte[] salt;
    private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(UniqueVisitor::sha256);

    @Inject
    public UniqueVisitor(ReferralConfig config) {
        this.salt = config.visitorSalt().getBytes(StandardCharsets.UTF_8);
    }

    UniqueVisitor(String salt) {
        this.salt = salt.getBytes(StandardCharsets.UTF_8);
    }

    public byte[] hash(String ip, String userAgent) {
        MessageDigest digest = digests.get();
        digest.reset();
        digest.update(salt);
        digest.update((byte) 0);
        digest.update((ip == null ? "" : ip).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        String ua = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        digest.update(ua.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
