package id.qutab.identity.mail;

import id.qutab.identity.AuthConfig;
import id.qutab.platform.web.FrontendConfig;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.support.SecureTokens;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
import id.qutab.platform.notify.RenderedBodies;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/**
 * Verification and reset mails, rendered from Qute templates ({@code templates/mail/*_id|_en.html|txt}) in
 * the account's language and recorded with the platform's {@link Notifications} in the transaction that issued the
 * token: a rolled-back registration mails nothing, the token exists before the link does, and the caller never
 * waits for SMTP (a forgot-password answer takes as long for a known email as for an unknown one). The platform
 * sends after commit, retrying while SMTP is down, but never after the link expired.
 *
 * <p>The dedupe key is the token's hash (what {@code one_time_token} stores): one mail per token. The rendered
 * body holds the raw token until the mail is sent; the platform wipes it then.
 */
@ApplicationScoped
public class AccountMails {

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native MailTemplateInstance verifyEmail_id(String name, String link, long validHours);

        static native MailTemplateInstance verifyEmail_en(String name, String link, long validHours);

        static native MailTemplateInstance resetPassword_id(String name, String link, long validMinutes);

        static native MailTemplateInstance resetPassword_en(String name, String link, long validMinutes);
    }

    @Inject
    Notifications notifications;

    @Inject
    FrontendConfig frontend;

    @Inject
    AuthConfig config;

    @Inject
    MailMessages indonesian;

    @Inject
    @Localized("en")
    MailMessages english;

    @Transactional(Transactional.TxType.MANDATORY)
    public void verifyEmail(UserAccount user, String token) {
        boolean en = english(user);
        Duration valid = config.emailVerificationTtl();
        String link = frontend.link("verify-email", token);
        MailTemplateInstance body = en
                ? Templates.verifyEmail_en(user.name, link, valid.toHours())
                : Templates.verifyEmail_id(user.name, link, valid.toHours());
        record("identity.verify-email", user, token, valid, (en ? english : indonesian).verifyEmailSubject(), body);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordReset(UserAccount user, String token) {
        boolean en = english(user);
        Duration valid = config.passwordResetTtl();
        String link = frontend.link("reset-password", token);
        MailTemplateInstance body = en
                ? Templates.resetPassword_en(user.name, link, valid.toMinutes())
                : Templates.resetPassword_id(user.name, link, valid.toMinutes());
        record("identity.reset-password", user, token, valid, (en ? english : indonesian).resetPasswordSubject(), body);
    }

    private void record(String template, UserAccount user, String token, Duration valid, String subject,
                        MailTemplateInstance body) {
        notifications.record(Message.mail(template, SecureTokens.sha256(token), user.email)
                .withLocale(user.locale)
                .withSubject(subject)
                .withBodies(RenderedBodies.of(body.templateInstance()))
                .withSendUntil(Instant.now().plus(valid)));
    }

    private static boolean english(UserAccount user) {
        return "en".equals(user.locale);
    }
}
