package id.qutab.console.session;

import jakarta.enterprise.context.RequestScoped;

import java.util.Locale;

/**
 * The signed-in admin for this request, read from the session cookies by {@link SessionFilter}. When the filter
 * refreshed the tokens, {@link #renewed()} tells the response filter to send the new cookies with the page.
 */
@RequestScoped
public class AdminSession {

    private String accessToken;
    private String refreshToken;
    private String name;
    private Locale locale = Locale.forLanguageTag("id");
    private boolean renewed;
    private String flash;
    private boolean flashShown;

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    public String name() {
        return name;
    }

    public Locale locale() {
        return locale;
    }

    public String lang() {
        return locale.getLanguage();
    }

    public boolean renewed() {
        return renewed;
    }

    /** A message for the next page: {@code ok:text} or {@code error:text}. */
    public String flash() {
        return flash;
    }

    public void flash(String message) {
        this.flash = message;
        this.flashShown = false;
    }

    /** The flash message for the page being rendered; it is then dropped. */
    public String takeFlash() {
        if (flash == null) {
            return null;
        }
        flashShown = true;
        return flash;
    }

    public boolean flashShown() {
        return flashShown;
    }

    void signedIn(String accessToken, String refreshToken, String name) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.name = name;
    }

    void renewedWith(String accessToken, String refreshToken) {
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
        this.renewed = true;
    }

    void locale(Locale locale) {
        this.locale = locale;
    }
}
