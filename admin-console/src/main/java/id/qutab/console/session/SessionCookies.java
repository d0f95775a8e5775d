package id.qutab.console.session;

import id.qutab.console.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The session lives in three cookies scoped to /admin: HttpOnly (no script, ours or injected, ever reads a token),
 * SameSite=Strict (another site cannot make the browser post a form with them), Secure behind HTTPS. Nothing goes
 * into localStorage.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String ACCESS = "qutab_admin_at";
    public static final String REFRESH = "qutab_admin_rt";
    public static final String NAME = "qutab_admin_name";
    public static final String LANG = "qutab_admin_lang";
    public static final String FLASH = "qutab_admin_flash";
    /** Refresh tokens live 30 days in identity; the console session is a working day at most without activity. */
    private static final int SESSION_SECONDS = 12 * 3600;

    @Inject
    ConsoleConfig config;

    public NewCookie session(String name, String value) {
        return cookie(name, value, SESSION_SECONDS);
    }

    public NewCookie lang(String value) {
        return cookie(LANG, value, 365 * 24 * 3600);
    }

    public NewCookie flash(String value) {
        return cookie(FLASH, URLEncoder.encode(value, StandardCharsets.UTF_8), 60);
    }

    public NewCookie expired(String name) {
        return cookie(name, "", 0);
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/admin")
                .maxAge(maxAge)
                .httpOnly(true)
                .secure(config.secureCookies())
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }
}
