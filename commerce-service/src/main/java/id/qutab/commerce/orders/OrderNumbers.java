package id.qutab.commerce.orders;

import id.qutab.platform.random.RunTimeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Human order numbers {@code QTB-yyyyMMdd-XXXX} (date in Asia/Jakarta). The suffix uses an alphabet without
 * look-alikes (no 0/O, 1/I/L): 31^4 ≈ 923,000 per day. A candidate is taken under a transaction-scoped advisory
 * lock on its value and checked against committed orders, so two transactions never settle on the same number;
 * a collision simply draws again. The unique index stays as the last guard.
 */
@ApplicationScoped
public class OrderNumbers {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int LOCK_NAMESPACE = 8201;

    @Inject
    EntityManager em;

    @Inject
    OrderConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(Instant at) {
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneId.of(config.numberZone())).format(at);
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = "QTB-" + day + "-" + suffix();
            em.createNativeQuery("SELECT pg_advisory_xact_lock(?1, hashtext(?2))")
                    .setParameter(1, LOCK_NAMESPACE).setParameter(2, candidate).getSingleResult();
            long taken = ((Number) em.createNativeQuery("SELECT count(*) FROM customer_order WHERE number = ?1")
                    .setParameter(1, candidate).getSingleResult()).longValue();
            if (taken == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free order number after 20 draws");
    }

    static String suffix() {
        return RunTimeRandom.code(ALPHABET, 4);
    }
}
