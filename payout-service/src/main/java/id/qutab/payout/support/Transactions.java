package id.qutab.payout.support;

import java.sql.SQLException;

/** Reads what PostgreSQL said underneath JPA/JDBC wrappers. */
public final class Transactions {

    private Transactions() {
    }

    /** The SQLSTATE of the first {@link SQLException} in the cause chain, or null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
