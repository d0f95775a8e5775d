package id.qutab.platform.tx;

import java.sql.SQLException;
import java.util.Set;

/**
 * The SQLSTATE a failure carries, wherever it sits in the cause chain: Hibernate, Agroal and Narayana wrap the
 * driver's {@link SQLException} (a deadlock found while flushing at commit arrives inside a RollbackException).
 */
public final class SqlStates {

    /** serialization_failure and deadlock_detected: the transaction was aborted, running it again may succeed. */
    public static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private static final int MAX_DEPTH = 32;

    private SqlStates() {
    }

    /** The first SQLSTATE in the cause chain, or {@code null} when no database error caused this. */
    public static String of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // A batch's own state may be empty; the statement's error is the next one.
                if (state == null && sql.getNextException() != null) {
                    state = sql.getNextException().getSQLState();
                }
                if (state != null) {
                    return state;
                }
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return null;
    }

    public static boolean isRetryable(String sqlState) {
        return sqlState != null && RETRYABLE.contains(sqlState);
    }
}
