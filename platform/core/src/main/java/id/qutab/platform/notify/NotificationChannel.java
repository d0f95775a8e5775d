package id.qutab.platform.notify;

/**
 * One way a message reaches a person (mail now; WhatsApp later is another bean of this type). The sender calls
 * {@link #deliver} after the recording transaction committed, outside any transaction; throwing means "not
 * delivered, try again later".
 */
public interface NotificationChannel {

    /** The value of {@code notification_outbox.channel} this channel sends. */
    String name();

    void deliver(PendingNotification notification) throws Exception;
}
