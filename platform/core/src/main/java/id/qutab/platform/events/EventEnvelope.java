package id.qutab.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * The shape every event travels in (EVENTS.md): consumers dedupe by {@code id} and ignore payload
 * fields they do not know.
 */
@RegisterForReflection
public record EventEnvelope(UUID id, String type, String aggregateId, Instant occurredAt, int version, JsonNode payload) {
}
