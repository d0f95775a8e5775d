package id.qutab.affiliate.clicks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Click ids: time-ordered UUIDs (version 7 layout: 48-bit millisecond timestamp, then random bits). Made without
 * the lock of {@link UUID#randomUUID()}'s SecureRandom: a click id is a correlation id, not a secret.
 */
public final class ClickIds {

    private ClickIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
