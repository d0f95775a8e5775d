package id.qutab.identity.mail;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.Message;

@Localized("en")
public interface MailMessagesEn extends MailMessages {

    @Override
    @Message("Verify your email address — Qutab")
    String verifyEmailSubject();

    @Override
    @Message("Reset your password — Qutab")
    String resetPasswordSubject();
}
