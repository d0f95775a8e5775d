package id.qutab.payout.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * What one {@code affiliate.commission.*} event says, read leniently (unknown fields ignored, optional ones may be
 * missing) but never guessed: a missing or malformed id or amount refuses the event (400), so it is retried and
 * ends up as a dead letter the producer's admins can see, instead of silently skewing a balance.
 */
public record CommissionFact(Kind kind, UUID commissionId, UUID affiliateId, UUID orderId, long amount,
                             Integer rateBps, Instant createdAt, Instant at, String reason, UUID eventId,
                             Instant occurredAt) {

    /** The four facts the ledger records, and the state each one leads to. */
    public enum Kind {
        CREATED("affiliate.commission.created", CommissionState.PENDING, "paidAt"),
        MATURED("affiliate.commission.matured", CommissionState.AVAILABLE, "availableAt"),
        VOIDED("affiliate.commission.voided", CommissionState.VOIDED, "voidedAt"),
        CLAWBACK("affiliate.commission.clawback", CommissionState.CLAWED_BACK, "at");

        public final String eventType;
        public final CommissionState target;
        /** The payload field that says when the transition happened (the envelope's occurredAt otherwise). */
        final String timeField;

        Kind(String eventType, CommissionState target, String timeField) {
            this.eventType = eventType;
            this.target = target;
            this.timeField = timeField;
        }
    }

    private static final int MAX_REASON = 500;

    public static CommissionFact of(Kind kind, EventEnvelope event) {
        JsonNode p = event.payload();
        if (p == null || !p.isObject()) {
            throw refused(kind, "payload must be an object");
        }
        // When was it earned: the commission's createdAt, else the order's payment (affiliate-service sends paidAt).
        Instant createdAt = instant(kind, p, "createdAt");
        if (createdAt == null) {
            createdAt = instant(kind, p, "paidAt");
        }
        return new CommissionFact(kind, uuid(kind, p, "commissionId", true), uuid(kind, p, "affiliateId", true),
                uuid(kind, p, "orderId", false), amount(kind, p), rateBps(kind, p), createdAt,
                instant(kind, p, kind.timeField), reason(p), event.id(), event.occurredAt());
    }

    private static UUID uuid(Kind kind, JsonNode p, String field, boolean required) {
        JsonNode node = p.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw refused(kind, field + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw refused(kind, field + " is not a UUID");
        }
    }

    private static long amount(Kind kind, JsonNode p) {
        JsonNode node = p.get("amount");
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw refused(kind, "amount must be a whole number of rupiah, 0 or more");
        }
        return node.asLong();
    }

    private static Integer rateBps(Kind kind, JsonNode p) {
        JsonNode node = p.get("rateBps");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw refused(kind, "rateBps must be an integer");
        }
        return node.asInt();
    }

    private static Instant instant(Kind kind, JsonNode p, String field) {
        JsonNode node = p.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw refused(kind, field + " is not an ISO-8601 instant");
        }
    }

    private static String reason(JsonNode p) {
        JsonNode node = p.get("reason");
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text;
    }

    private static ProblemException refused(Kind kind, String why) {
        return ProblemException.badRequest(kind.eventType + ": " + why + ".");
    }
}
