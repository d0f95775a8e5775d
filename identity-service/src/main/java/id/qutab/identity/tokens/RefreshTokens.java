package id.qutab.identity.tokens;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.support.SecureTokens;
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

/** Refresh token storage: issue into a family, find by the presented secret, revoke families. */
@ApplicationScoped
public class RefreshTokens implements PanacheRepositoryBase<RefreshToken, UUID> {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    private static final Duration KEEP_AFTER_EXPIRY = Duration.ofDays(7);

    @Inject
    AuthConfig config;

    /** The raw secret (handed to the client once) and its stored row. */
    public record Issued(String secret, RefreshToken token) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Issued issue(UUID userId, UUID familyId) {
        Instant now = Instant.now();
        String secret = SecureTokens.newToken();
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.userId = userId;
        token.familyId = familyId;
        token.tokenHash = SecureTokens.sha256(secret);
        token.createdAt = now;
        token.expiresAt = now.plus(config.refreshTokenTtl());
        persist(token);
        return new Issued(secret, token);
    }

    /** The token with this secret, locked until the transaction ends (two refreshes of one token serialize). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RefreshToken> lockBySecret(String secret) {
        if (!SecureTokens.plausible(secret)) {
            return Optional.empty();
        }
        return find("tokenHash", SecureTokens.sha256(secret)).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeFamily(UUID familyId) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", Instant.now(), familyId);
    }

    /** Every session of the account ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAllOf(UUID userId) {
        return update("revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId);
    }

    /** Every session of the account but {@code keep} ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int revokeAllOfExcept(UUID userId, UUID keep) {
        return update("revokedAt = ?1 where userId = ?2 and familyId <> ?3 and revokedAt is null",
                Instant.now(), userId, keep);
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        long deleted = delete("expiresAt < ?1", Instant.now().minus(KEEP_AFTER_EXPIRY));
        if (deleted > 0) {
            LOG.debugf("purged %d expired refresh tokens", deleted);
        }
    }
}
