package id.qutab.sandbox.kit;

import java.time.Duration;

/** The retry schedule both sandboxes' webhook senders use: doubling from a first delay, capped. */
public final class Backoff {

    private Backoff() {
    }

    /** Attempt 2 waits {@code first}, attempt 3 twice that, ... never more than {@code max}. */
    public static Duration delayBeforeAttempt(int attempt, Duration first, Duration max) {
        int doublings = Math.min(attempt - 2, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
