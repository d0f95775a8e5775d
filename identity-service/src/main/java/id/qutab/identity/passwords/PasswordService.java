package id.qutab.identity.passwords;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.AccountService;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.mail.AccountMails;
import id.qutab.identity.passwords.PasswordRequests.ChangePassword;
import id.qutab.identity.passwords.PasswordRequests.ResetPassword;
import id.qutab.identity.tokens.LoginThrottle;
import id.qutab.identity.tokens.RefreshTokens;
import id.qutab.identity.verification.OneTimeToken;
import id.qutab.identity.verification.OneTimeTokens;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Changing a known password, and resetting a forgotten one through a mailed single-use link (1 h). */
@ApplicationScoped
public class PasswordService {

    private static final Logger LOG = Logger.getLogger(PasswordService.class);

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    OneTimeTokens tokens;

    @Inject
    AccountMails mails;

    @Inject
    AuthConfig config;

    /**
     * The caller changes their password, proving the current one (wrong → 403; guesses count towards the
     * login throttle). Every other session ends; the one the request came from stays signed in.
     */
    @Transactional
    public void change(UUID userId, Optional<UUID> currentSession, ChangePassword request, String clientIp) {
        UserAccount user = AccountService.requireActive(users.lockLive(userId));
        String accountKey = LoginThrottle.accountKey(user.email);
        throttle.admit(accountKey, clientIp);
        if (!hasher.matches(request.currentPassword(), user.passwordHash)) {
            throttle.recordFailure(accountKey, clientIp);
            throw new ProblemException(Problem.of(403, "wrong-password", "Forbidden", "The current password is incorrect."));
        }
        throttle.forgetAccount(accountKey);
        PasswordPolicy.requireAcceptable("newPassword", request.newPassword(), user.email);
        user.passwordHash = hasher.hash(request.newPassword());
        user.touch();
        int revoked = currentSession.map(keep -> refreshTokens.revokeAllOfExcept(user.id, keep))
                .orElseGet(() -> refreshTokens.revokeAllOf(user.id));
        LOG.infof("account %s changed its password; %d other session token(s) revoked", user.id, revoked);
    }

    /** Mails a reset link when an active account has this email; says nothing either way. */
    @Transactional
    public void forgot(String email) {
        users.findByEmail(email).filter(UserAccount::active).ifPresent(user ->
                tokens.issue(user, OneTimeToken.Purpose.RESET_PASSWORD, config.passwordResetTtl())
                        .ifPresent(token -> mails.passwordReset(user, token)));
    }

    /**
     * Sets a new password with a reset token: the token and every other reset link of the account are spent,
     * every session ends, the login throttle of the account is cleared, and the email counts as verified
     * (the link reached its inbox).
     */
    @Transactional
    public void reset(ResetPassword request) {
        UUID userId = tokens.redeem(request.token(), OneTimeToken.Purpose.RESET_PASSWORD);
        UserAccount user = users.lockLive(userId).filter(UserAccount::active).orElseThrow(OneTimeTokens::invalid);
        PasswordPolicy.requireAcceptable("newPassword", request.newPassword(), user.email);
        user.passwordHash = hasher.hash(request.newPassword());
        if (!user.emailVerified()) {
            user.emailVerifiedAt = Instant.now();
        }
        user.touch();
        tokens.spendAll(user.id, OneTimeToken.Purpose.RESET_PASSWORD);
        refreshTokens.revokeAllOf(user.id);
        throttle.forgetAccount(LoginThrottle.accountKey(user.email));
        LOG.infof("account %s reset its password; all sessions revoked", user.id);
    }
}
