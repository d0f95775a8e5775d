package id.qutab.console.web;

import id.qutab.console.api.ApiProblem;

import java.math.BigDecimal;
import java.util.List;

/**
 * Numbers typed into a form, as the API wants them. Text that is not a number is passed on as typed, so the API
 * answers with its own validation detail (the flash shows it) instead of the console guessing; an empty field is
 * {@code null} ("not given").
 */
public final class FormNumbers {

    private FormNumbers() {
    }

    /** {@code "1.500.000"} or {@code "1500000"} → 1500000; blank → null; anything else → the text itself. */
    public static Object integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.trim().replace(".", "").replace("_", "").replace(" ", "");
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return text.trim();
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
}
