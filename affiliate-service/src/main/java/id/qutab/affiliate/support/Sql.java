package id.qutab.affiliate.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.SQLException;
import java.util.List;

/** Small helpers for the statements that are plain SQL (conditional updates, upserts, locks, aggregates). */
public final class Sql {

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

    public static long longValue(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** True when {@code e} was caused by a unique violation (SQLSTATE 23505) of the named index. */
    public static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
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
