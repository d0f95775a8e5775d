package id.qutab.identity.mail;

import java.time.Duration;
import java.util.UUID;

/**
 * A mail to send once the transaction that issued its token has committed. Carries the link (with the
 * raw token) in memory only; never logged, never stored.
 */
public record OutgoingMail(Kind kind, UUID userId, String to, String name, String locale, String link,
                           Duration validFor) {

    public enum Kind { VERIFY_EMAIL, RESET_PASSWORD }

    @Override
    public String toString() {
        return "OutgoingMail[" + kind + " for " + userId + "]";
    }
}
