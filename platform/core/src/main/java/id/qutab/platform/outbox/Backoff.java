package id.qutab.platform.outbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so a recovering subscriber is not hit by every relay at once. */
public final class Backoff {

    private Backoff() {
    }

    /**
     * Delay before attempt {@code attempt + 1}: base·2^(attempt−1), capped at {@code max}, then scaled by a
     * factor in [0.5, 1.0]. The jitter only shortens, so no wait ever exceeds {@code max}.
     */
    public static Duration after(int attempt, Duration base, Duration max) {
        int exponent = Math.max(0, Math.min(attempt - 1, 30));
        double millis = Math.min((double) max.toMillis(), base.toMillis() * Math.pow(2, exponent));
        double jitter = 0.5 + ThreadLocalRandom.current().nextDouble() * 0.5;
        return Duration.ofMillis(Math.max(1, (long) (millis * jitter)));
    }
}
