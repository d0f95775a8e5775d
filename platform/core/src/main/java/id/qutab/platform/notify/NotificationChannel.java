package id.qutab.platform.notify;

/**
 * One way a message reaches a person (mail, WhatsApp). The sender calls {@link #deliver} after the recording
 * transaction committed, outside any transaction. Throwing means "not delivered, try again later" (with backoff,
 * until the message's {@code send_until}); throwing {@link PermanentDeliveryException} means "the provider will never
 * take this one": the message is {@code FAILED} at once.
 */
public interface NotificationChannel {

    /** The value of {@code notification_outbox.channel} this channel sends. */
    String name();

    /**
     * Hands the message to the provider.
     *
     * @return the provider's id for it (stored in {@code provider_message_id}, the key of its delivery statuses), or
     *         null when the provider gives none (mail)
     */
    String deliver(PendingNotification notification) throws Exception;
}
