package id.qutab.identity.accounts;

import java.util.Locale;

/** Emails are compared and stored lower-cased and trimmed. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
