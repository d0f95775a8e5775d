package id.qutab.platform.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claimed row of {@code notification_outbox}: what a channel needs to deliver it. {@code templateVersion} and
 * {@code parameters} are null for mail; {@code parameters} are the provider template's body parameters in order.
 */
public record PendingNotification(UUID id, String channel, String template, String recipient, String locale,
                                  String subject, String text, String html, int attempts, Instant sendUntil,
                                  Instant createdAt, Integer templateVersion, List<String> parameters) {

    @Override
    public String toString() {
        return "PendingNotification[" + id + " " + channel + " " + template + " attempt " + attempts + "]";
    }
}
