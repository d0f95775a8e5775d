package id.qutab.affiliate.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Tolerant reads of event payloads (EVENTS.md: producers add fields freely, consumers ignore what they do not
 * know). A missing, null or malformed field reads as {@code null}: the handler decides what that means.
 */
public final class Payloads {

    private Payloads() {
    }

    /** A field's value, or what stands in for it when the producer left it out ({@code first(paidAt, occurredAt)}). */
    public static <T> T first(T value, T otherwise) {
        return value != null ? value : otherwise;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    public static UUID uuid(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Long number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isNumber()) {
            return (long) Math.floor(value.asDouble());
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** An ISO-8601 instant, truncated to microseconds (what PostgreSQL keeps), so stored and fresh values compare equal. */
    public static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return micros(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return micros(java.time.OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** The object at {@code field}, or a missing node (whose reads are all null). */
    public static JsonNode object(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
