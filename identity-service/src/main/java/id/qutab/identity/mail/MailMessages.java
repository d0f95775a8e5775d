package id.qutab.identity.mail;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Mail subjects (and shared lines) in Indonesian, the default language; English in {@link MailMessagesEn}. */
@MessageBundle(value = "mail", locale = "id")
public interface MailMessages {

    @Message("Verifikasi alamat email Anda — Qutab")
    String verifyEmailSubject();

    @Message("Atur ulang kata sandi Anda — Qutab")
    String resetPasswordSubject();
}
