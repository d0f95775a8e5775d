package id.qutab.identity.tokens;

import id.qutab.identity.accounts.EmailAddresses;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.passwords.PasswordHasher;
import id.qutab.identity.tokens.TokenMessages.LoginRequest;
import id.qutab.identity.tokens.TokenMessages.SessionUser;
import id.qutab.identity.tokens.TokenMessages.TokenResponse;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions: login starts one (a refresh token family), refresh rotates its token, logout ends it.
 *
 * <p>Login answers an unknown email exactly like a wrong password: same 401 body, and one bcrypt check
 * either way (against a dummy hash when there is no account), so neither body nor timing tells whether an
 * email is registered.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AccessTokens accessTokens;

    /** What login needs to know about an account, read in a short transaction of its own. */
    private record Candidate(UUID id, String passwordHash, boolean disabled) {
    }

    public TokenResponse login(LoginRequest request, String clientIp) {
        String email = EmailAddresses.normalize(request.email());
        String accountKey = LoginThrottle.accountKey(email);
        throttle.admit(accountKey, clientIp);
        Optional<Candidate> candidate = QuarkusTransaction.requiringNew().call(() -> users.findByEmail(email)
                .map(u -> new Candidate(u.id, u.passwordHash, u.disabled())));
        // one bcrypt check whether or not the account exists
        boolean matches = hasher.matches(request.password(), candidate.map(Candidate::passwordHash).orElse(null));
        if (!matches) {
            throttle.recordFailure(accountKey, clientIp);
            throw invalidCredentials();
        }
        if (candidate.get().disabled()) {
            throw new ProblemException(Problem.of(403, "account-disabled", "Forbidden", "This account is disabled."));
        }
        UUID userId = candidate.get().id();
        return QuarkusTransaction.requiringNew().call(() -> {
            throttle.forgetAccount(accountKey);
            UserAccount user = users.findLive(userId).filter(UserAccount::active).orElseThrow(SessionService::invalidCredentials);
            RefreshTokens.Issued refresh = refreshTokens.issue(user.id, UUID.randomUUID());
            LOG.infof("account %s signed in (session %s)", user.id, refresh.token().familyId);
            return response(user, refresh);
        });
    }

    /**
     * Exchanges a refresh token for a new pair. The presented token is spent; presenting a spent token
     * again means it was copied, so the whole session is revoked (the newest token too) and the answer is 401.
     * The revocation commits although the answer is an error.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public TokenResponse refresh(String secret) {
        RefreshToken token = refreshTokens.lockBySecret(secret).orElseThrow(SessionService::invalidRefreshToken);
        Instant now = Instant.now();
        if (token.revokedAt != null) {
            throw invalidRefreshToken();
        }
        if (token.spentAt != null) {
            refreshTokens.revokeFamily(token.familyId);
            LOG.warnf("spent refresh token presented again: session %s of account %s revoked", token.familyId, token.userId);
            throw invalidRefreshToken();
        }
        if (!now.isBefore(token.expiresAt)) {
            throw invalidRefreshToken();
        }
        Optional<UserAccount> user = users.findLive(token.userId).filter(UserAccount::active);
        if (user.isEmpty()) {
            refreshTokens.revokeFamily(token.familyId);
            throw invalidRefreshToken();
        }
        token.spentAt = now;
        RefreshTokens.Issued next = refreshTokens.issue(token.userId, token.familyId);
        token.replacedBy = next.token().id;
        return response(user.get(), next);
    }

    /** Ends the session the refresh token belongs to. Unknown or already revoked tokens change nothing. */
    @Transactional
    public void logout(String secret) {
        refreshTokens.lockBySecret(secret).ifPresent(token -> {
            if (refreshTokens.revokeFamily(token.familyId) > 0) {
                LOG.infof("account %s signed out (session %s)", token.userId, token.familyId);
            }
        });
    }

    private TokenResponse response(UserAccount user, RefreshTokens.Issued refresh) {
        return new TokenResponse(accessTokens.issue(user, refresh.token().familyId), refresh.secret(), "Bearer",
                accessTokens.lifetimeSeconds(), SessionUser.of(user));
    }

    static ProblemException invalidCredentials() {
        return new ProblemException(Problem.of(401, "invalid-credentials", "Unauthorized",
                "The email or password is incorrect."));
    }

    static ProblemException invalidRefreshToken() {
        return new ProblemException(Problem.of(401, "invalid-refresh-token", "Unauthorized",
                "The refresh token is invalid, expired or revoked. Sign in again."));
    }
}
