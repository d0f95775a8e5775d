package id.qutab.identity.tokens;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.EmailAddresses;
import id.qutab.identity.support.SecureTokens;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Throttles password guessing per account and per client address: after {@code max-failures-per-account}
 * (default 5) failures for one email, or {@code max-failures-per-ip} (20) from one address, within the
 * sliding {@code window} (15 min), further attempts get 429 with {@code Retry-After} until the oldest
 * counted failure leaves the window. Failures live in PostgreSQL, so the limit holds across replicas and
 * restarts. Unknown emails are throttled exactly like known ones.
 */
@ApplicationScoped
public class LoginThrottle implements PanacheRepositoryBase<LoginFailure, Long> {

    @Inject
    AuthConfig config;

    /** The key failures of one email are counted under (its SHA-256, so no address is stored). */
    public static String accountKey(String email) {
        return SecureTokens.sha256("login:" + EmailAddresses.normalize(email));
    }

    /** 429 with Retry-After when the account or the address is over its limit. */
    @Transactional
    public void check(String accountKey, String clientIp) {
        Instant now = Instant.now();
        AuthConfig.Throttle throttle = config.throttle();
        Optional<Duration> account = blockedFor("accountKey", accountKey, throttle.maxFailuresPerAccount(), now);
        Optional<Duration> address = blockedFor("clientIp", clientIp, throttle.maxFailuresPerIp(), now);
        Duration wait = longest(account, address);
        if (wait != null) {
            throw ProblemException.tooManyRequests(roundUp(wait));
        }
    }

    /** Records a failure in its own transaction: it counts even though the caller answers with an error. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String accountKey, String clientIp) {
        LoginFailure failure = new LoginFailure();
        failure.accountKey = accountKey;
        failure.clientIp = clientIp;
        failure.failedAt = Instant.now();
        persist(failure);
    }

    /** After a successful sign-in or password reset the account starts afresh (the address does not). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAccount(String accountKey) {
        delete("accountKey", accountKey);
    }

    /**
     * How long until fewer than {@code max} failures remain in the window, if {@code max} or more are in it
     * now: the {@code max}-th newest failure leaving the window is the moment.
     */
    private Optional<Duration> blockedFor(String field, String value, int max, Instant now) {
        Duration window = config.throttle().window();
        return find(field + " = ?1 and failedAt > ?2", Sort.descending("failedAt"), value, now.minus(window))
                .range(max - 1, max - 1)
                .firstResultOptional()
                .map(f -> Duration.between(now, f.failedAt.plus(window)))
                .filter(d -> !d.isNegative() && !d.isZero());
    }

    private static Duration longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get()) >= 0 ? a.get() : b.get();
        }
        return a.or(() -> b).orElse(null);
    }

    private static Duration roundUp(Duration d) {
        return Duration.ofSeconds(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }

    @Scheduled(every = "15m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        delete("failedAt < ?1", Instant.now().minus(config.throttle().window()));
    }
}
