package id.qutab.affiliate.support;

import id.qutab.testing.SignedEvents;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/** Signed deliveries to /internal/events, as another service's relay would make them. */
public final class Events {

    private Events() {
    }

    /** One event as it travels: a fixed id (so it can be delivered again) and a fixed occurredAt. */
    public record Event(UUID id, String type, String aggregateId, Instant occurredAt, String payload) {

        public static Event of(String type, Object aggregateId, Instant occurredAt, String payload) {
            return new Event(UUID.randomUUID(), type, String.valueOf(aggregateId), occurredAt, payload);
        }

        public String envelope() {
            return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + aggregateId
                    + "\",\"occurredAt\":\"" + occurredAt + "\",\"version\":1,\"payload\":" + payload + "}";
        }

        /** The same event under a new id: what a second, independent run of the same story delivers. */
        public Event fresh() {
            return new Event(UUID.randomUUID(), type, aggregateId, occurredAt, payload);
        }
    }

    /** Delivers and expects the inbox to accept it (APPLIED, or DUPLICATE for a redelivery). */
    public static void deliver(Event event) {
        SignedEvents.deliver(event.envelope()).then().statusCode(200)
                .body("outcome", anyOf(equalTo("APPLIED"), equalTo("DUPLICATE"), equalTo("IGNORED")));
    }

    public static void deliverApplied(Event event) {
        SignedEvents.deliver(event.envelope()).then().statusCode(200).body("outcome", equalTo("APPLIED"));
    }

    public static void userRegistered(UUID userId, String name, String email) {
        deliverApplied(Event.of("identity.user.registered", userId, Instant.now(),
                "{\"userId\":\"" + userId + "\",\"name\":\"" + name + "\",\"email\":\"" + email
                        + "\",\"phone\":\"+6281234567890\",\"roles\":[\"affiliate\"],\"locale\":\"id\"}"));
    }
}
