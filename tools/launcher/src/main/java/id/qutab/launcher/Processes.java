package id.qutab.launcher;

import java.time.Duration;

/** Waiting for processes that are not this JVM's children (PostgreSQL's, descendants of the apps). */
final class Processes {

    private static final long POLL_MILLIS = 50;

    private Processes() {
    }

    /**
     * True once {@code process} has exited, false if it still runs after {@code timeout}. Polls quickly:
     * {@link ProcessHandle#onExit()} of a process that is not a child checks only every 300 ms and more.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }
}
