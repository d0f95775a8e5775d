package id.qutab.identity.accounts;

/** Shapes of the fields people type, shared by the request bodies. */
public final class Patterns {

    /** At least one visible character, no control characters. */
    public static final String NAME = "(?s)^(?!\\s*$)[^\\p{Cntrl}]+$";
    public static final String NAME_MESSAGE = "must be 1 to 100 characters without control characters";
    /** Something@domain.tld; Bean Validation's @Email alone accepts addresses without a dot in the domain. */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$";
    public static final String EMAIL_MESSAGE = "must be a valid email address";
    public static final String PASSWORD_MESSAGE = "must be 8 to 72 characters";
    public static final String LOCALE = "id|en";
    public static final String LOCALE_MESSAGE = "must be id or en";

    private Patterns() {
    }
}
