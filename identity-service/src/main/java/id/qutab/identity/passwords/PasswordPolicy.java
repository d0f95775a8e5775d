package id.qutab.identity.passwords;

import id.qutab.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a password must be: 8 characters at least, at most 72 bytes (bcrypt ignores anything beyond), and
 * not the account's email address.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void requireAcceptable(String password, String email) {
        requireAcceptable("password", password, email);
    }

    public static void requireAcceptable(String field, String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.invalid(field, "must be at most " + MAX_BYTES + " bytes");
        }
        if (email != null && password.trim().toLowerCase(Locale.ROOT).equals(email.trim().toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid(field, "must not be the email address");
        }
    }
}
