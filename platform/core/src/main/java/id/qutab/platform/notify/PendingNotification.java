package id.qutab.platform.notify;

import java.time.Instant;
import java.util.UUID;

/** A claimed row of {@code notification_outbox}: what a channel needs to deliver it. */
public record PendingNotification(UUID id, String channel, String template, String recipient, String locale,
                                  String subject, String text, String html, int attempts, Instant sendUntil,
                                  Instant createdAt) {

    @Override
    public String toString() {
        return "PendingNotification[" + id + " " + channel + " " + template + " attempt " + attempts + "]";
    }
}
