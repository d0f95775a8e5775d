package id.qutab.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.List;

/**
 * The few statements every service writes as plain SQL (conditional updates, upserts, locks, aggregates) and what
 * their answers need: positional parameters {@code ?1, ?2...}, LIKE escaping, numbers and times of native rows,
 * and which unique index a failed insert hit.
 */
public final class Sql {

    private static final String UNIQUE_VIOLATION = "23505";

    private Sql() {
    }

    public static int update(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public static List<Object[]> rows(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).getResultList();
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> column(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).getResultList();
    }

    public static Query bind(Query query, Object... args) {
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        return query;
    }

    /** {@code %}, {@code _} and {@code \} taken literally in a LIKE pattern. */
    public static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A native count or sum; SQL's {@code NULL} (the sum of no rows) is 0. */
    public static long longValue(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /**
     * A native {@code timestamptz} column: the driver answers {@link Timestamp}, {@link OffsetDateTime} or
     * {@link Instant} depending on the query and Hibernate's type inference; anything else is {@code null}.
     */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }

    /** True when {@code e} was caused by a unique violation (SQLSTATE 23505) of the named index. */
    public static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && (sql.getMessage() == null || sql.getMessage().contains(constraint))) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                    && (constraint.equals(cve.getConstraintName())
                    || (cve.getSQLException() != null && cve.getSQLException().getMessage() != null
                    && cve.getSQLException().getMessage().contains(constraint)))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
