package id.qutab.identity.verification;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.support.SecureTokens;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and redeems single-use link tokens. The raw token only ever exists in the mail; the table holds
 * its hash. Every failure to redeem (unknown, used, expired, wrong purpose) gets the same 400.
 */
@ApplicationScoped
public class OneTimeTokens implements PanacheRepositoryBase<OneTimeToken, UUID> {

    private static final Logger LOG = Logger.getLogger(OneTimeTokens.class);
    /** Expired and used tokens are kept this long for support questions, then deleted. */
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(7);

    @Inject
    AuthConfig config;

    /**
     * A new token for {@code user}, or empty when this account already got {@code qutab.auth.mails-per-hour}
     * tokens of this purpose in the last hour (so nobody can flood a mailbox through us).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> issue(UserAccount user, OneTimeToken.Purpose purpose, Duration ttl) {
        Instant now = Instant.now();
        long recent = count("userId = ?1 and purpose = ?2 and createdAt > ?3", user.id, purpose, now.minus(Duration.ofHours(1)));
        if (recent >= config.mailsPerHour()) {
            LOG.infof("%s mail for account %s skipped: %d sent in the last hour", purpose, user.id, recent);
            return Optional.empty();
        }
        String raw = SecureTokens.newToken();
        OneTimeToken token = new OneTimeToken();
        token.id = UUID.randomUUID();
        token.userId = user.id;
        token.purpose = purpose;
        token.tokenHash = SecureTokens.sha256(raw);
        token.createdAt = now;
        token.expiresAt = now.plus(ttl);
        persist(token);
        return Optional.of(raw);
    }

    /** Marks the token used and returns its account; anything but a usable token of this purpose → 400. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID redeem(String raw, OneTimeToken.Purpose purpose) {
        if (!SecureTokens.plausible(raw)) {
            throw invalid();
        }
        Instant now = Instant.now();
        OneTimeToken token = find("tokenHash", SecureTokens.sha256(raw))
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional()
                .filter(t -> t.purpose == purpose && t.usable(now))
                .orElseThrow(OneTimeTokens::invalid);
        token.usedAt = now;
        return token.userId;
    }

    /** Spends every outstanding token of this purpose for the account (a reset link is useless after a reset). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void spendAll(UUID userId, OneTimeToken.Purpose purpose) {
        update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", Instant.now(), userId, purpose);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAllOf(UUID userId) {
        delete("userId", userId);
    }

    public static ProblemException invalid() {
        return new ProblemException(Problem.of(400, "invalid-token", "Invalid link",
                "The link is invalid, already used or expired. Request a new one."));
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        long deleted = delete("expiresAt < ?1", Instant.now().minus(KEEP_AFTER_EXPIRY));
        if (deleted > 0) {
            LOG.debugf("purged %d old one-time tokens", deleted);
        }
    }
}
