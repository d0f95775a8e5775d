package id.qutab.identity.mail;

import id.qutab.identity.AuthConfig;
import id.qutab.identity.accounts.UserAccount;
import id.qutab.platform.web.FrontendConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Verification and reset mails, rendered from Qute templates ({@code templates/mail/*_id|_en.html|txt}) in
 * the account's language. Requested inside a transaction, sent only after it committed (a rolled-back
 * registration mails nothing, and the token exists before the link does), without making the caller wait:
 * a forgot-password answer takes as long for a known email as for an unknown one.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native MailTemplateInstance verifyEmail_id(String name, String link, long validHours);

        static native MailTemplateInstance verifyEmail_en(String name, String link, long validHours);

        static native MailTemplateInstance resetPassword_id(String name, String link, long validMinutes);

        static native MailTemplateInstance resetPassword_en(String name, String link, long validMinutes);
    }

    @Inject
    Event<OutgoingMail> outgoing;

    @Inject
    FrontendConfig frontend;

    @Inject
    AuthConfig config;

    @Inject
    MailMessages indonesian;

    @Inject
    @Localized("en")
    MailMessages english;

    public void verifyEmail(UserAccount user, String token) {
        outgoing.fire(new OutgoingMail(OutgoingMail.Kind.VERIFY_EMAIL, user.id, user.email, user.name, user.locale,
                frontend.link("verify-email", token), config.emailVerificationTtl()));
    }

    public void passwordReset(UserAccount user, String token) {
        outgoing.fire(new OutgoingMail(OutgoingMail.Kind.RESET_PASSWORD, user.id, user.email, user.name, user.locale,
                frontend.link("reset-password", token), config.passwordResetTtl()));
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
        try {
            render(mail).to(mail.to()).send().subscribe().with(
                    sent -> LOG.infof("%s mail sent to account %s", mail.kind(), mail.userId()),
                    failure -> LOG.warnf("%s mail to account %s failed: %s", mail.kind(), mail.userId(),
                            failure.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.warnf("%s mail to account %s could not be rendered: %s", mail.kind(), mail.userId(),
                    e.getClass().getSimpleName());
        }
    }

    private MailTemplateInstance render(OutgoingMail mail) {
        boolean en = "en".equals(mail.locale());
        MailMessages messages = en ? english : indonesian;
        return switch (mail.kind()) {
            case VERIFY_EMAIL -> (en
                    ? Templates.verifyEmail_en(mail.name(), mail.link(), mail.validFor().toHours())
                    : Templates.verifyEmail_id(mail.name(), mail.link(), mail.validFor().toHours()))
                    .subject(messages.verifyEmailSubject());
            case RESET_PASSWORD -> (en
                    ? Templates.resetPassword_en(mail.name(), mail.link(), mail.validFor().toMinutes())
                    : Templates.resetPassword_id(mail.name(), mail.link(), mail.validFor().toMinutes()))
                    .subject(messages.resetPasswordSubject());
        };
    }
}
