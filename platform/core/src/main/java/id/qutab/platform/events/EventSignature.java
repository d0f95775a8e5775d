package id.qutab.platform.events;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * HMAC-SHA256 over {@code timestamp + "." + body}, sent as {@code X-Qutab-Signature: t=<epoch seconds>,v1=<hex>}.
 * The timestamp bounds how long a captured request can be replayed; the inbox makes a replay harmless anyway.
 */
public final class EventSignature {

    public static final String HEADER = "X-Qutab-Signature";
    public static final String SOURCE_HEADER = "X-Qutab-Source";

    private EventSignature() {
    }

    public static String sign(String secret, Instant at, byte[] body) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(secret, t, body));
    }

    /** True only for a well-formed header whose MAC matches and whose timestamp is within {@code maxAge}. */
    public static boolean verify(String secret, String header, byte[] body, Instant now, Duration maxAge) {
        if (header == null || secret == null || secret.isEmpty()) {
            return false;
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String p = part.trim();
            try {
                if (p.startsWith("t=")) {
                    t = Long.parseLong(p.substring(2));
                } else if (p.startsWith("v1=")) {
                    given = HexFormat.of().parseHex(p.substring(3));
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (t == null || given == null) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - t) > maxAge.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, t, body), given);
    }

    private static byte[] mac(String secret, long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
