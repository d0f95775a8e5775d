package id.qutab.identity.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import id.qutab.platform.random.RunTimeRandom;

import java.util.HexFormat;

/** Random opaque tokens (refresh, verification, reset) and the hashes they are stored as. */
public final class SecureTokens {

    private static final int TOKEN_BYTES = 32;

    private SecureTokens() {
    }

    /** 32 random bytes, base64url without padding (43 characters). */
    public static String newToken() {
        // RunTimeRandom, not a static SecureRandom here: a native image would freeze its seed at build time.
        return RunTimeRandom.token(TOKEN_BYTES);
    }

    /** SHA-256 of the UTF-8 bytes, lower-case hex: what is stored and looked up instead of the secret. */
    public static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A presented token of a sane shape; anything else is not even looked up. */
    public static boolean plausible(String token) {
        return token != null && token.length() >= 16 && token.length() <= 128
                && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
