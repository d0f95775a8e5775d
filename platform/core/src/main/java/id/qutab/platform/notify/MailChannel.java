package id.qutab.platform.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Mail through the Quarkus mailer (SMTP from {@code quarkus.mailer.*}; the mock mailbox in dev and tests).
 * Bounded by {@code qutab.notify.sender.send-timeout}, so a hanging SMTP server cannot hold the sender past its lease.
 */
@ApplicationScoped
public class MailChannel implements NotificationChannel {

    public static final String NAME = "mail";
    /** Lets a mail be matched to its row (support, bounces) without any personal data. */
    public static final String ID_HEADER = "X-Qutab-Notification-Id";

    @Inject
    ReactiveMailer mailer;

    @Inject
    NotifyConfig config;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String deliver(PendingNotification n) {
        Mail mail = new Mail().addTo(n.recipient()).setSubject(n.subject() == null ? "" : n.subject());
        if (n.text() != null) {
            mail.setText(n.text());
        }
        if (n.html() != null) {
            mail.setHtml(n.html());
        }
        mail.addHeader(ID_HEADER, n.id().toString());
        mailer.send(mail).await().atMost(config.sender().sendTimeout());
        return null; // SMTP gives no id worth keeping: the row's id travels in ID_HEADER instead
    }
}
