package id.qutab.platform.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import id.qutab.platform.notify.whatsapp.WhatsAppChannel;
import id.qutab.platform.tx.AfterCommit;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The one way a Qutab service sends a message to a person. {@link #record} writes it to this service's
 * {@code notification_outbox} inside the caller's transaction: the message exists if and only if the business
 * change committed, and the same message (channel, dedupe key, recipient, template) is recorded once however
 * often the event behind it is delivered. {@link NotificationSender} sends it after the commit.
 */
@ApplicationScoped
public class Notifications {

    private static final Object NUDGE_REGISTERED = new Object();

    @Inject
    NotificationStore store;

    @Inject
    NotificationSender sender;

    @Inject
    NotifyConfig config;

    @Inject
    TransactionSynchronizationRegistry transaction;

    /** Records {@code message} in the running transaction; false when the same message was recorded before. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean record(Message message) {
        if (message.text() == null && message.html() == null && message.parameters() == null) {
            throw new IllegalArgumentException("message " + message.template() + " has no body");
        }
        if (WhatsAppChannel.NAME.equals(message.channel())
                && (message.locale() == null || message.parameters() == null)) {
            // the provider needs the template's language and its parameters: refused here, not by it much later
            throw new IllegalArgumentException("WhatsApp message " + message.template()
                    + " needs withLocale and withTemplateCall");
        }
        Instant sendUntil = message.sendUntil() != null ? message.sendUntil() : Instant.now().plus(config.maxAge());
        boolean recorded = store.insert(message, sendUntil);
        if (recorded) {
            nudgeSenderAfterCommit();
        }
        return recorded;
    }

    private void nudgeSenderAfterCommit() {
        AfterCommit.once(transaction, NUDGE_REGISTERED, sender::nudge);
    }
}
