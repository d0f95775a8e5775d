package id.qutab.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

/** Reading event payloads leniently (consumers ignore what they do not know) and formatting values for people. */
final class Payloads {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter DAY_ID = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIAN);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private Payloads() {
    }

    static UUID uuid(JsonNode payload, String field) {
        JsonNode n = payload == null ? null : payload.get(field);
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(n.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String text(JsonNode payload, String field) {
        JsonNode n = payload == null ? null : payload.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }

    static Long number(JsonNode payload, String field) {
        JsonNode n = payload == null ? null : payload.get(field);
        return n != null && n.canConvertToLong() && n.isIntegralNumber() ? n.longValue() : null;
    }

    /** {@code 1.250} in Indonesian, {@code 1,250} in English. */
    static String count(long value, boolean english) {
        return NumberFormat.getIntegerInstance(english ? Locale.ENGLISH : INDONESIAN).format(value);
    }

    /** {@code 2026-05-27} → {@code 27 Mei 2026} / {@code 27 May 2026}; unreadable dates are passed through. */
    static String day(String isoDate, boolean english) {
        if (isoDate == null) {
            return null;
        }
        try {
            return (english ? DAY_EN : DAY_ID).format(LocalDate.parse(isoDate));
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }
}
