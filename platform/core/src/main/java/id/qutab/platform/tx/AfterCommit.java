package id.qutab.platform.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, at most once per transaction and key however often
 * it is asked for: the outbox relay and the notification sender are nudged this way, so what a transaction
 * recorded leaves right after the commit instead of at the next poll, and a rollback nudges nothing.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** {@code key} identifies the action within the transaction (a constant object per kind of action). */
    public static void once(TransactionSynchronizationRegistry transaction, Object key, Runnable action) {
        if (transaction.getResource(key) != null) {
            return;
        }
        transaction.putResource(key, Boolean.TRUE);
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
