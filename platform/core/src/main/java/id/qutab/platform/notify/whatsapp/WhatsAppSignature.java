package id.qutab.platform.notify.whatsapp;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The {@code X-Hub-Signature-256} header of Meta's webhooks: {@code sha256=<hex of HMAC-SHA256(raw body, app
 * secret)>}. The tools/whatsapp-sandbox signs the same way.
 */
public final class WhatsAppSignature {

    public static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";

    private WhatsAppSignature() {
    }

    /** The header value for {@code rawBody} (to sign a test webhook). */
    public static String sign(byte[] rawBody, String appSecret) {
        return PREFIX + HexFormat.of().formatHex(mac(rawBody, appSecret));
    }

    /**
     * Whether {@code header} is the signature of exactly these bytes; constant time in the compared MAC, false for a
     * missing or malformed header.
     */
    public static boolean verify(byte[] rawBody, String header, String appSecret) {
        if (header == null || appSecret == null || appSecret.isEmpty() || rawBody == null) {
            return false;
        }
        String value = header.trim();
        if (!value.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || value.length() != PREFIX.length() + 64) {
            return false;
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(value, PREFIX.length(), value.length());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(rawBody, appSecret), presented);
    }

    private static byte[] mac(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
