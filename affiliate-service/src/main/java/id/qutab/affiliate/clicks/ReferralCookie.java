package id.qutab.affiliate.clicks;

import id.qutab.platform.web.FrontendConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * {@code qutab_ref={code}~{clickId}; Max-Age=<cookie-days>; Path=/; SameSite=Lax; HttpOnly} (+ {@code Secure} on
 * https). Commerce reads it when an order is placed without an explicit referral code. The code in it is the
 * code as issued, whatever case the visitor typed.
 */
@Singleton
public class ReferralCookie {

    public static final String NAME = "qutab_ref";

    private final String attributes;

    @Inject
    public ReferralCookie(ReferralConfig config, FrontendConfig frontend) {
        this(config.cookieDays(), config.cookieSecure().orElse(frontend.https()));
    }

    ReferralCookie(int days, boolean secure) {
        this.attributes = "; Max-Age=" + (days * 86_400L) + "; Path=/; SameSite=Lax; HttpOnly" + (secure ? "; Secure" : "");
    }

    public String header(String code, UUID clickId) {
        return NAME + "=" + code + "~" + clickId + attributes;
    }
}
