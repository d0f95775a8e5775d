package id.qutab.testing;

import id.qutab.platform.events.EventSignature;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Delivers an event to the service under test exactly as another service's relay would: a signed
 * {@code POST /internal/events}. Lets consumer tests redeliver and reorder events at will.
 */
public final class SignedEvents {

    /** The {@code %test} value of {@code qutab.events.secret} (platform defaults). */
    public static final String TEST_SECRET = "test-event-secret";

    private SignedEvents() {
    }

    public static String envelope(UUID eventId, String type, String aggregateId, String payloadJson) {
        return "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + aggregateId
                + "\",\"occurredAt\":\"" + Instant.now() + "\",\"version\":1,\"payload\":" + payloadJson + "}";
    }

    public static Response deliver(String envelopeJson) {
        byte[] body = envelopeJson.getBytes(StandardCharsets.UTF_8);
        return given()
                .contentType(ContentType.JSON)
                .header(EventSignature.HEADER, EventSignature.sign(TEST_SECRET, Instant.now(), body))
                .header(EventSignature.SOURCE_HEADER, "test")
                .body(body)
                .post("/internal/events");
    }

    public static Response deliver(UUID eventId, String type, String aggregateId, String payloadJson) {
        return deliver(envelope(eventId, type, aggregateId, payloadJson));
    }
}
