package id.qutab.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/** One claimed delivery: an event on its way to one destination. */
public record OutboxRow(UUID id, long seq, UUID eventId, String destination, String eventType, String aggregateId,
                        Instant occurredAt, int version, String payload, int attempts, Instant leaseUntil) {

    /** Events of one aggregate to one destination travel in recording order. */
    public String chainKey() {
        return destination + '\u0000' + aggregateId;
    }
}
