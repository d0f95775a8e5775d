package id.qutab.identity.tokens;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.EmailAddresses;
import id.qutab.identity.support.SecureTokens;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Throttles password guessing. Two rules, deliberately different (identity-service/README.md, "Login throttle"):
 * <ul>
 *   <li><b>Per account, strict and atomic</b>: at most {@code max-failures-per-account} (5) password checks per
 *   {@code window} (15 min) for one email, known or not. The attempt is counted <em>before</em> bcrypt runs, in
 *   one {@code INSERT … ON CONFLICT … DO UPDATE … WHERE attempts < max RETURNING} statement, so twenty parallel
 *   guesses get exactly five checks; the rest get 429 with {@code Retry-After}. A correct password clears the
 *   count; while the account is locked the correct password waits too.</li>
 *   <li><b>Per client address, a slowdown only</b>: an address (a carrier's CGNAT address carries thousands of
 *   honest users) is never refused. Past {@code address-free-failures} (20) failed checks in the window, every
 *   attempt from it waits {@code address-delay-step} (100 ms) per failure past that number, at most
 *   {@code address-max-delay} (2 s), before its password is checked.</li>
 * </ul>
 * Everything lives in PostgreSQL, so both rules hold across replicas and restarts.
 */
@ApplicationScoped
public class LoginThrottle implements PanacheRepositoryBase<LoginFailure, Long> {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    /**
     * Counts one attempt unless the account is at its limit: a new window after the old one ran out, one more in
     * the current window otherwise. The row lock of the upsert serializes parallel attempts on one account.
     */
    private static final String TAKE_ATTEMPT = """
            INSERT INTO login_attempts AS a (account_key, attempts, window_start) VALUES (?1, 1, ?2)
            ON CONFLICT (account_key) DO UPDATE
               SET attempts     = CASE WHEN a.window_start <= ?3 THEN 1  ELSE a.attempts + 1 END,
                   window_start = CASE WHEN a.window_start <= ?3 THEN ?2 ELSE a.window_start END
             WHERE a.window_start <= ?3 OR a.attempts < ?4
            RETURNING a.attempts""";

    @Inject
    AuthConfig config;

    /** The key attempts of one email are counted under (its SHA-256, so no address is stored). */
    public static String accountKey(String email) {
        return SecureTokens.sha256("login:" + EmailAddresses.normalize(email));
    }

    /**
     * Lets one password check for the account happen, or answers 429 with Retry-After: first the address'
     * slowdown, then the account's attempt is counted (committed at once, whatever the caller's transaction does).
     * Call it before checking the password, and {@link #recordFailure} if the password was wrong.
     */
    public void admit(String accountKey, String clientIp) {
        slowDown(clientIp);
        Duration locked = QuarkusTransaction.requiringNew().call(() -> takeAttempt(accountKey));
        if (locked != null) {
            throw ProblemException.tooManyRequests(roundUp(locked));
        }
    }

    /** Records a failed check from the address, in its own transaction: it counts although the caller fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String accountKey, String clientIp) {
        LoginFailure failure = new LoginFailure();
        failure.accountKey = accountKey;
        failure.clientIp = clientIp;
        failure.failedAt = Instant.now();
        persist(failure);
    }

    /** After a successful sign-in, password change or reset the account starts afresh (the address does not). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAccount(String accountKey) {
        getEntityManager().createNativeQuery("DELETE FROM login_attempts WHERE account_key = ?1")
                .setParameter(1, accountKey)
                .executeUpdate();
    }

    /** null when the attempt was counted; otherwise how long until the account's window ends. */
    private Duration takeAttempt(String accountKey) {
        AuthConfig.Throttle throttle = config.throttle();
        Instant now = Instant.now();
        List<?> counted = getEntityManager().createNativeQuery(TAKE_ATTEMPT)
                .setParameter(1, accountKey)
                .setParameter(2, now)
                .setParameter(3, now.minus(throttle.window()))
                .setParameter(4, throttle.maxFailuresPerAccount())
                .getResultList();
        if (!counted.isEmpty()) {
            return null;
        }
        Object windowStart = getEntityManager()
                .createNativeQuery("SELECT window_start FROM login_attempts WHERE account_key = ?1")
                .setParameter(1, accountKey)
                .getSingleResult();
        Duration left = Duration.between(now, Sql.instant(windowStart).plus(throttle.window()));
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }


    /** Sleeps (outside any transaction) while the address has more failures in the window than it may. */
    private void slowDown(String clientIp) {
        AuthConfig.Throttle throttle = config.throttle();
        long stepMs = Math.max(1, throttle.addressDelayStep().toMillis());
        int free = throttle.addressFreeFailures();
        // Counting stops where the delay is at its maximum: a flood of failures costs no more to count.
        long cap = free + throttle.addressMaxDelay().toMillis() / stepMs + 1;
        long failures = QuarkusTransaction.requiringNew().call(() -> ((Number) getEntityManager().createNativeQuery("""
                        SELECT count(*) FROM (SELECT 1 FROM login_failures
                                               WHERE client_ip = ?1 AND failed_at > ?2 LIMIT ?3) recent""")
                .setParameter(1, clientIp)
                .setParameter(2, Instant.now().minus(throttle.window()))
                .setParameter(3, cap)
                .getSingleResult()).longValue());
        long delayMs = addressDelayMs(failures, free, stepMs, throttle.addressMaxDelay().toMillis());
        if (delayMs > 0) {
            LOG.debugf("login from %s slowed down by %d ms (%d recent failures)", clientIp, delayMs, failures);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while slowing down a login", e);
            }
        }
    }

    /** The slowdown for an address with this many failures in the window: none up to {@code free}, then linear. */
    static long addressDelayMs(long failures, int free, long stepMs, long maxMs) {
        if (failures < free) {
            return 0;
        }
        return Math.min(maxMs, (failures - free + 1) * stepMs);
    }

    private static Duration roundUp(Duration d) {
        return Duration.ofSeconds(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant before = Instant.now().minus(config.throttle().window());
        delete("failedAt < ?1", before);
        getEntityManager().createNativeQuery("DELETE FROM login_attempts WHERE window_start <= ?1")
                .setParameter(1, before)
                .executeUpdate();
    }
}
