package id.qutab.affiliate.applications;

import java.util.Optional;

/** Indonesian mobile numbers as people type them ({@code 0812-3456-789}, {@code 62812…}, {@code +62 812…}) → {@code +62812…}. */
public final class WhatsappNumber {

    public static final String MESSAGE = "must be an Indonesian mobile number, e.g. 0812 3456 7890";

    private WhatsappNumber() {
    }

    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String compact = raw.trim().replaceAll("[\\s().-]", "");
        if (compact.startsWith("+")) {
            compact = compact.substring(1);
        }
        if (!compact.matches("[0-9]+")) {
            return Optional.empty();
        }
        String national;
        if (compact.startsWith("62")) {
            national = compact.substring(2);
        } else if (compact.startsWith("0")) {
            national = compact.substring(1);
        } else {
            return Optional.empty();
        }
        if (!national.startsWith("8") || national.length() < 8 || national.length() > 12) {
            return Optional.empty();
        }
        return Optional.of("+62" + national);
    }
}
