package id.qutab.commerce.loyalty;

import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The one way loyalty points change: an append-only ledger whose sum is the balance. Every writer calls
 * {@link #lock} first, in its own transaction, so writers of one customer's points run one after the other (a
 * redemption cannot spend what a concurrent one already spent); readers need no lock. Appends are idempotent by
 * the partial unique indexes of {@code V5__loyalty_ledger.sql}: an order earns once, is reversed once, a
 * redemption is spent once and returned once.
 */
@ApplicationScoped
public class LoyaltyLedger {

    @Inject
    EntityManager em;

    /** Creates the customer's account row if needed and locks it until the transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID userId) {
        Sql.update(em, "INSERT INTO loyalty_account (user_id) VALUES (?1) ON CONFLICT (user_id) DO NOTHING", userId);
        Sql.rows(em, "SELECT user_id FROM loyalty_account WHERE user_id = ?1 FOR UPDATE", userId);
    }

    /** The derived balance: the sum of every entry (may be negative after a reversal, netted by later earnings). */
    public long balance(UUID userId) {
        return Sql.longValue(Sql.rows(em, "SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE user_id = ?1",
                userId).get(0));
    }

    /**
     * Appends one entry under the lock taken by {@link #lock}; false when the same entry (same order or
     * redemption for that type) is already there, and then nothing changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(Entry e) {
        return Sql.update(em, """
                INSERT INTO loyalty_entry (id, user_id, type, points, order_id, reward_id, redemption_id, reason,
                                           actor_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                ON CONFLICT DO NOTHING""", e.id(), e.userId(), e.type().name(), e.points(), e.orderId(),
                e.rewardId(), e.redemptionId(), e.reason(), e.actorId(), e.at()) == 1;
    }

    /** One ledger row; build with {@link #of} and the {@code with…} methods. */
    public record Entry(UUID id, UUID userId, LoyaltyEntryType type, long points, UUID orderId, UUID rewardId,
                        UUID redemptionId, String reason, UUID actorId, Instant at) {

        public static Entry of(UUID userId, LoyaltyEntryType type, long points) {
            return new Entry(UUID.randomUUID(), userId, type, points, null, null, null, null, null, Instant.now());
        }

        public Entry withOrder(UUID orderId) {
            return new Entry(id, userId, type, points, orderId, rewardId, redemptionId, reason, actorId, at);
        }

        public Entry withRedemption(UUID redemptionId, UUID rewardId) {
            return new Entry(id, userId, type, points, orderId, rewardId, redemptionId, reason, actorId, at);
        }

        public Entry withReason(String reason, UUID actorId) {
            return new Entry(id, userId, type, points, orderId, rewardId, redemptionId, reason, actorId, at);
        }

        public Entry at(Instant when) {
            return new Entry(id, userId, type, points, orderId, rewardId, redemptionId, reason, actorId, when);
        }
    }
}
