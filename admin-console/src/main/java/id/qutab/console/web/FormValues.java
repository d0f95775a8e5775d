package id.qutab.console.web;

import id.qutab.console.api.ApiProblem;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Form fields on their way to the API. The API is the one judge of a value: a number the admin typed is sent as a
 * number, anything else is sent as typed (e.g. {@code "abc"} for a price) so the API's own problem detail comes
 * back to the page, instead of the console inventing rules of its own.
 */
public final class FormValues {

    private FormValues() {
    }

    /**
     * Blank → null (field absent); {@code "1500000"} or with Indonesian grouping {@code "1.500.000"} → a number;
     * anything else unchanged for the API to refuse.
     */
    public static Object number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        String digits = trimmed.replace(".", "").replace("_", "").replace(" ", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return trimmed;
        }
    }

    /**
     * A percentage as basis points: {@code "10"} → 1000, {@code "2,5"} → 250; blank → null. More precision than a
     * basis point cannot be stored: refused with {@code message} as the field's error (shown like an API error).
     */
    public static Object percentToBps(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().replace(',', '.').replace("%", "").trim();
        BigDecimal bps;
        try {
            bps = new BigDecimal(value).movePointRight(2).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return text.trim();
        }
        if (bps.scale() > 0) {
            throw new ApiProblem(422, "Invalid", message, List.of(new ApiProblem.FieldError(field, text.trim())));
        }
        try {
            return bps.longValueExact();
        } catch (ArithmeticException e) {
            return text.trim();
        }
    }

    /**
     * An earning multiplier as basis points of 1×: {@code "1,25"} or {@code "1.25×"} → 12500; blank → null. Finer
     * than a basis point is refused with {@code message} as the field's error; non-numbers go to the API as typed.
     * (Not {@link #number}: a multiplier's dot is a decimal point, never Indonesian grouping.)
     */
    public static Object multiplierToBps(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim().replace(',', '.').replace("×", "").replace("x", "").trim();
        BigDecimal bps;
        try {
            bps = new BigDecimal(value).movePointRight(4).stripTrailingZeros();
        } catch (NumberFormatException e) {
            return text.trim();
        }
        if (bps.scale() > 0) {
            throw new ApiProblem(422, "Invalid", message, List.of(new ApiProblem.FieldError(field, text.trim())));
        }
        try {
            return bps.longValueExact();
        } catch (ArithmeticException e) {
            return text.trim();
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
            return LocalDateTime.parse(local.trim()).atZone(Fmt.JAKARTA).toInstant().toString();
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
            return LocalDateTime.ofInstant(Instant.parse(iso.toString()), Fmt.JAKARTA).toString();
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }
}
