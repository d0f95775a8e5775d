package id.qutab.platform.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * What a provider reported about a message it took ({@code notification_outbox.delivery_status}). Statuses only move
 * forward: a webhook retried or overtaken by a later one never takes a message back from READ to DELIVERED, and
 * FAILED is final.
 */
public enum DeliveryStatus {
    SENT(1), DELIVERED(2), READ(3), FAILED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** The order statuses move in; {@code APPLY_STATUS} in {@link NotificationStore} ranks the same way. */
    public int rank() {
        return rank;
    }

    /**
     * One status report for the message the provider knows as {@code providerMessageId}.
     *
     * @param error the provider's code and title when {@link #FAILED}, else null
     */
    public record Report(String providerMessageId, DeliveryStatus status, Instant at, String error) {
        public Report {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
        }
    }
}
