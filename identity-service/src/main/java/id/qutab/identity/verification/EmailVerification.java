package id.qutab.identity.verification;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.AccountService;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.identity.mail.AccountMails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Proving an account owns its email address: a single-use link (24 h) mailed at registration or on request. */
@ApplicationScoped
public class EmailVerification {

    @Inject
    OneTimeTokens tokens;

    @Inject
    UserRepository users;

    @Inject
    AccountMails mails;

    @Inject
    AuthConfig config;

    /** Issues a verification token and mails the link once the caller's transaction has committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void issueAndMail(UserAccount user) {
        tokens.issue(user, OneTimeToken.Purpose.VERIFY_EMAIL, config.emailVerificationTtl())
                .ifPresent(raw -> mails.verifyEmail(user, raw));
    }

    /** Redeems a verification token: the account's email is verified and its other verification links die. */
    @Transactional
    public void verify(String token) {
        UUID userId = tokens.redeem(token, OneTimeToken.Purpose.VERIFY_EMAIL);
        UserAccount user = users.lockLive(userId).filter(UserAccount::active).orElseThrow(OneTimeTokens::invalid);
        if (!user.emailVerified()) {
            user.emailVerifiedAt = Instant.now();
            user.touch();
        }
        tokens.spendAll(userId, OneTimeToken.Purpose.VERIFY_EMAIL);
    }

    /** Mails a fresh link to the caller unless already verified (or mailed too often in the last hour). */
    @Transactional
    public void resend(UUID userId) {
        UserAccount user = AccountService.requireActive(users.findLive(userId));
        if (!user.emailVerified()) {
            issueAndMail(user);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void forget(UUID userId) {
        tokens.deleteAllOf(userId);
    }
}
