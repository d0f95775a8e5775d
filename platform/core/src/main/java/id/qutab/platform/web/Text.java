package id.qutab.platform.web;

/** Optional free text from a request (a note, a phone number): stored trimmed, and blank means "not given". */
public final class Text {

    private Text() {
    }

    /** The text trimmed, or {@code null} when it is absent or blank. */
    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
