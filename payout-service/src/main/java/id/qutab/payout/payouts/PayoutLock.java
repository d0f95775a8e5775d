package id.qutab.payout.payouts;

import id.qutab.payout.support.Transactions;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.UUID;

/**
 * The per-affiliate lock: a PostgreSQL transaction-scoped advisory lock on the affiliate id, held until the
 * transaction ends. Everything that changes what an affiliate may withdraw takes it first — a payout request,
 * an admin decision on a payout, every ledger event, a change of bank details, the erasure of a user — so
 * "amount ≤ available" is decided on a ledger nobody else is changing, and N simultaneous requests can never
 * reserve more than is there.
 *
 * <p>An advisory lock rather than {@code SELECT ... FOR UPDATE} on the account row because ledger events can
 * arrive before the account exists. Key: ({@value #NAMESPACE}, a 32-bit fold of the affiliate id); two
 * affiliates whose ids fold alike merely wait for each other. Waiting is bounded by {@code lock_timeout}; a
 * request that cannot get the lock in time is answered 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class PayoutLock {

    /** "payout ledger": the first key of the two-key advisory lock, so other uses of advisory locks never collide. */
    static final int NAMESPACE = 0x50_4C_44_47;
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    EntityManager em;

    /** Takes the affiliate's lock for the rest of the current transaction (re-entrant within it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID affiliateId) {
        try {
            em.createNativeQuery("SELECT set_config('lock_timeout', :wait, true)")
                    .setParameter("wait", WAIT.toMillis() + "ms").getSingleResult();
            em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(:ns, :key)")
                    .setParameter("ns", NAMESPACE).setParameter("key", key(affiliateId)).getSingleResult();
        } catch (PersistenceException e) {
            if ("55P03".equals(Transactions.sqlState(e))) { // lock_not_available
                throw new ProblemException(Problem.of(503, "busy", "Service busy",
                        "Another change to this affiliate's balance is in progress. Try again."), Duration.ofSeconds(1));
            }
            throw e;
        }
    }

    static int key(UUID affiliateId) {
        long folded = affiliateId.getMostSignificantBits() ^ affiliateId.getLeastSignificantBits();
        return (int) (folded ^ (folded >>> 32));
    }
}
