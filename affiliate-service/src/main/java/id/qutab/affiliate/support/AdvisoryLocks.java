package id.qutab.affiliate.support;

import jakarta.persistence.EntityManager;

/**
 * Transaction-scoped PostgreSQL advisory locks that coordinate every instance of this service.
 *
 * <ul>
 *   <li>{@link #CLICK_FLUSH}: one click batch at a time decides which clicks are unique visits, so two
 *       instances never both count the same visitor as new.</li>
 *   <li>{@link #STATS}: every incremental {@code daily_stats} change holds it shared; a rebuild holds it
 *       exclusively, so a rebuild never misses an increment committed while it was counting.</li>
 * </ul>
 */
public final class AdvisoryLocks {

    private static final int NAMESPACE = 0x5174AB; // "Qutab affiliate"
    public static final int CLICK_FLUSH = 1;
    public static final int STATS = 2;

    private AdvisoryLocks() {
    }

    public static void exclusive(EntityManager em, int lock) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, NAMESPACE).setParameter(2, lock).getSingleResult();
    }

    public static void shared(EntityManager em, int lock) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?1, ?2)")
                .setParameter(1, NAMESPACE).setParameter(2, lock).getSingleResult();
    }

    public static String exclusiveSql() {
        return "SELECT pg_advisory_xact_lock(" + NAMESPACE + ", ?)";
    }

    public static String sharedSql() {
        return "SELECT pg_advisory_xact_lock_shared(" + NAMESPACE + ", ?)";
    }
}
