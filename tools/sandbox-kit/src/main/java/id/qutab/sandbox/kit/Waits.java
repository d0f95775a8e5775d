package id.qutab.sandbox.kit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waiting on a monitor until a condition holds, with a deadline (for the dispatchers' "await idle"). */
public final class Waits {

    private Waits() {
    }

    /**
     * Waits on {@code lock} (whose writers call {@code notifyAll}) until {@code done} holds; {@code false} on timeout.
     * {@code done} is evaluated while holding {@code lock}.
     */
    public static boolean await(Object lock, BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
