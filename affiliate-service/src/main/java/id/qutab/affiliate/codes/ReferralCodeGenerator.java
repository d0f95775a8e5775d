package id.qutab.affiliate.codes;

import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Referral codes. Generated ones are 7 characters from an alphabet without look-alikes (no {@code 0 O o 1 l I}),
 * e.g. {@code XK7mP2q}: easy to read aloud, type from a poster, or copy from a WhatsApp message. Custom ones
 * (chosen by an admin) are 4–20 letters or digits. Either kind is unique case-insensitively (unique index on
 * {@code lower(code)}), so {@code /r/xk7mp2q} finds {@code XK7mP2q} and no two codes differ only in case.
 */
@ApplicationScoped
public class ReferralCodeGenerator {

    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    public static final int LENGTH = 7;
    public static final Pattern CUSTOM = Pattern.compile("[A-Za-z0-9]{4,20}");

    private final SecureRandom random = new SecureRandom();

    public String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** A custom code as given, trimmed; 400 naming {@code code} when it is not 4–20 letters or digits. */
    public static String requireValidCustom(String code) {
        String trimmed = code == null ? "" : code.trim();
        if (!CUSTOM.matcher(trimmed).matches()) {
            throw ProblemException.invalid("code", "must be 4 to 20 letters or digits");
        }
        return trimmed;
    }

    /** Cheap shape check for the hot path: anything else cannot be a code. */
    public static boolean plausible(String code) {
        if (code == null) {
            return false;
        }
        int n = code.length();
        if (n < 4 || n > 20) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
