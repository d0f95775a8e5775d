package id.qutab.commerce.coupons;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.random.RunTimeRandom;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Issues a single-use fixed-amount coupon that only one customer may redeem ({@code owner_user_id}), inside the
 * caller's transaction: the gift exists exactly when what it was given for committed.
 */
@ApplicationScoped
public class PersonalCoupons {

    /** No 0/O, 1/I/L: the code is read from a phone screen and typed again. */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int RANDOM_CHARS = 10;

    @Inject
    EntityManager em;

    public record Issued(UUID id, String code, long amount) {
    }

    /** {@code prefix}: upper-case letters, e.g. {@code ULTAH}; the code is the prefix and 10 random characters. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(UUID ownerUserId, String prefix, long amount, Instant validUntil) {
        UUID id = UUID.randomUUID();
        // 31^10 codes: a clash with an existing code is not worth a retry loop; the unique index would refuse it.
        String code = prefix + random();
        Sql.update(em, """
                INSERT INTO coupon (id, code, discount_type, discount_value, valid_until, usage_limit,
                                    per_customer_limit, owner_user_id, active)
                VALUES (?1, ?2, 'FIXED', ?3, ?4, 1, 1, ?5, TRUE)""", id, code, amount, validUntil, ownerUserId);
        return new Issued(id, code, amount);
    }

    private static String random() {
        return RunTimeRandom.code(ALPHABET, RANDOM_CHARS);
    }
}
