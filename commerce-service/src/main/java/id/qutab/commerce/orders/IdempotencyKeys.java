package id.qutab.commerce.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The {@code Idempotency-Key} of a customer's POST ({@code /api/orders}, {@code /api/loyalty/rewards/{id}/redeem}),
 * kept in {@code order_idempotency} (the retention job forgets keys after 7 days). The key is inserted first thing
 * in the request's transaction: a concurrent request with the same key blocks on the primary key until the first
 * one ends: committed → it gets the first answer; rolled back (refused) → it goes ahead itself.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** What the key already produced: an order or a redemption; both null when this request now owns the key. */
    public record Earlier(UUID orderId, UUID redemptionId) {
        public boolean owned() {
            return orderId == null && redemptionId == null;
        }
    }

    /** The header trimmed, null when absent or blank; 400 when too long. */
    public static String normalize(String header) {
        String key = header == null || header.isBlank() ? null : header.trim();
        if (key != null && key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid("Idempotency-Key", "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        return key;
    }

    /**
     * Claims {@code key} for a request whose body hashes to {@code hash}; a key used with another body is refused
     * (422), one whose first request still runs answers 409.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Earlier claim(UUID userId, String key, String hash) {
        int claimed = Sql.update(em, """
                INSERT INTO order_idempotency (user_id, key, request_hash) VALUES (?1, ?2, ?3)
                ON CONFLICT (user_id, key) DO NOTHING""", userId, key, hash);
        if (claimed == 1) {
            return new Earlier(null, null);
        }
        List<Object[]> rows = Sql.rows(em,
                "SELECT request_hash, order_id, redemption_id FROM order_idempotency WHERE user_id = ?1 AND key = ?2",
                userId, key);
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.rule("idempotency-key-reused",
                    "This Idempotency-Key was already used with a different request body.");
        }
        if (row[1] == null && row[2] == null) {
            throw ProblemException.conflict("idempotency-in-progress", "The first request with this key is still running.");
        }
        return new Earlier((UUID) row[1], (UUID) row[2]);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void orderCreated(UUID userId, String key, UUID orderId) {
        Sql.update(em, "UPDATE order_idempotency SET order_id = ?1 WHERE user_id = ?2 AND key = ?3", orderId, userId, key);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void redemptionCreated(UUID userId, String key, UUID redemptionId) {
        Sql.update(em, "UPDATE order_idempotency SET redemption_id = ?1 WHERE user_id = ?2 AND key = ?3",
                redemptionId, userId, key);
    }

    /**
     * SHA-256 of what the request asks (the body as parsed, field order fixed by the records), prefixed by the
     * endpoint so that one key cannot answer two different endpoints: same request, same hash.
     */
    public String hash(String endpoint, Object request) {
        try {
            byte[] canonical = (endpoint + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the request", e);
        }
    }
}
