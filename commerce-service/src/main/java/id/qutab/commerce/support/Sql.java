package id.qutab.commerce.support;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/** Small helpers for the few statements that must be plain SQL (conditional updates, locks). */
public final class Sql {

    private Sql() {
    }

    public static int update(EntityManager em, String sql, Object... args) {
        return bind(em.createNativeQuery(sql), args).executeUpdate();
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
}
