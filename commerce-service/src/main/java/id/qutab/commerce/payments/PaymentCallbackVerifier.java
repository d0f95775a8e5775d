package id.qutab.commerce.payments;

import id.qutab.commerce.payments.zendit.ZenditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks {@code x-callback-token} against the configured token in constant time: both are hashed first, so
 * neither the content nor the length of the expected token leaks through timing. No token configured → nothing
 * is accepted.
 */
@ApplicationScoped
public class PaymentCallbackVerifier {

    @Inject
    ZenditConfig config;

    public boolean verify(String presented) {
        String expected = config.callbackToken().orElse("");
        if (expected.isEmpty() || presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
