package id.qutab.console.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Form fields on their way to the API. The API is the one judge of a value: a number the admin typed is sent as a
 * number, anything else is sent as typed (e.g. {@code "abc"} for a price) so the API's own problem detail comes
 * back to the page, instead of the console inventing rules of its own.
 */
public final class FormValues {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private FormValues() {
    }

    /** Blank → null (field absent), digits → a number, anything else unchanged for the API to refuse. */
    public static Object number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            return trimmed;
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A checkbox: present means on. */
    public static boolean checked(String value) {
        return value != null && !value.isEmpty() && !"false".equals(value);
    }

    /** A {@code datetime-local} value, meant in Asia/Jakarta, as the instant the API takes; other text unchanged. */
    public static String instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim()).atZone(JAKARTA).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local.trim();
        }
    }

    /** An instant from the API as a {@code datetime-local} value in Asia/Jakarta (for an edit form). */
    public static String local(Object iso) {
        if (iso == null || iso.toString().isEmpty()) {
            return "";
        }
        try {
            return LocalDateTime.ofInstant(Instant.parse(iso.toString()), JAKARTA).toString();
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** Rupiah as the templates show it, for text made in Java (flash messages). */
    public static String rupiah(Object amount) {
        return Fmt.rupiah(amount);
    }
}
