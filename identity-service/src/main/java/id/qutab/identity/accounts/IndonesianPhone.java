package id.qutab.identity.accounts;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indonesian phone numbers as people type them ({@code 0812-3456-7890}, {@code 62812…}, {@code +62 812…})
 * normalized to E.164 ({@code +62812…}). Mobile ({@code 8…}) and landline (area code {@code 2}–{@code 9})
 * subscriber numbers of 7 to 12 digits after the country code are accepted.
 */
public final class IndonesianPhone {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.()\\-]");
    private static final Pattern NATIONAL = Pattern.compile("[2-9][0-9]{6,11}");
    public static final String MESSAGE = "must be an Indonesian phone number (+62…, 62… or 08…)";

    private IndonesianPhone() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null || raw.length() > 32) {
            return Optional.empty();
        }
        String digits = SEPARATORS.matcher(raw.trim()).replaceAll("");
        String national;
        if (digits.startsWith("+62")) {
            national = digits.substring(3);
        } else if (digits.startsWith("62")) {
            national = digits.substring(2);
        } else if (digits.startsWith("0")) {
            national = digits.substring(1);
        } else {
            return Optional.empty();
        }
        return NATIONAL.matcher(national).matches() ? Optional.of("+62" + national) : Optional.empty();
    }
}
