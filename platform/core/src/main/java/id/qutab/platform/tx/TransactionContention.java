package id.qutab.platform.tx;

/**
 * A transaction that kept losing to concurrent ones (serialization failure or deadlock) on every attempt.
 * Thrown once the retries are spent; answered as 503 with {@code Retry-After}, and never retried again by an
 * enclosing boundary (that would multiply the attempts).
 */
public class TransactionContention extends RuntimeException {

    private final String sqlState;
    private final int attempts;

    public TransactionContention(String sqlState, int attempts, Throwable lastFailure) {
        super("transaction aborted by the database (SQLSTATE " + sqlState + ") on all " + attempts + " attempts",
                lastFailure);
        this.sqlState = sqlState;
        this.attempts = attempts;
    }

    public String sqlState() {
        return sqlState;
    }

    public int attempts() {
        return attempts;
    }
}
