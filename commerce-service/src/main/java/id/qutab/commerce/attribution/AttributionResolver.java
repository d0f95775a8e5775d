package id.qutab.commerce.attribution;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

import static id.qutab.platform.web.Text.blankToNull;

/**
 * Decides an order's attribution: {@code referralCode} of the body, else the {@code qutab_ref} cookie
 * ({@code {code}~{clickId}}) set by {@code /r/{code}}. Unknown codes are dropped (the order still goes through).
 */
@ApplicationScoped
public class AttributionResolver {

    public static final String COOKIE = "qutab_ref";

    public OrderAttribution resolve(String bodyReferralCode, String cookie, String couponCode, UUID couponAffiliateId) {
        Referral fromCookie = parseCookie(cookie);
        String code = blankToNull(bodyReferralCode);
        String clickId = null;
        if (code == null && fromCookie != null) {
            code = fromCookie.code();
            clickId = fromCookie.clickId();
        } else if (code != null && fromCookie != null && code.equals(fromCookie.code())) {
            clickId = fromCookie.clickId(); // the body repeats the cookie's code: keep its click
        }
        Optional<AffiliateCode> known = AffiliateCode.byCode(code);
        if (known.isEmpty()) {
            code = null;
            clickId = null;
        }
        UUID linkAffiliate = known.map(a -> a.affiliateId).orElse(null);
        if (couponAffiliateId != null) {
            return new OrderAttribution(code, clickId, linkAffiliate, couponCode, couponAffiliateId,
                    OrderAttribution.Source.COUPON, couponAffiliateId);
        }
        if (linkAffiliate != null) {
            return new OrderAttribution(code, clickId, linkAffiliate, couponCode, null, OrderAttribution.Source.LINK, linkAffiliate);
        }
        return new OrderAttribution(null, null, null, couponCode, null, OrderAttribution.Source.NONE, null);
    }

    record Referral(String code, String clickId) {
    }

    static Referral parseCookie(String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            return null;
        }
        String v = value.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        int sep = v.indexOf('~');
        String code = sep < 0 ? v : v.substring(0, sep);
        String click = sep < 0 ? null : v.substring(sep + 1);
        if (code.isBlank() || !code.matches("[A-Za-z0-9_-]{1,64}")) {
            return null;
        }
        if (click != null && !click.matches("[A-Za-z0-9_-]{1,64}")) {
            click = null;
        }
        return new Referral(code, click);
    }
}
