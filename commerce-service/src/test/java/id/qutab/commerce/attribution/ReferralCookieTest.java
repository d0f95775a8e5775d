package id.qutab.commerce.attribution;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ReferralCookieTest {

    @Test
    void theCookieIsCodeTildeClickId() {
        assertEquals(new AttributionResolver.Referral("XK7mP2q", "c-1"), AttributionResolver.parseCookie("XK7mP2q~c-1"));
        assertEquals(new AttributionResolver.Referral("XK7mP2q", null), AttributionResolver.parseCookie("XK7mP2q"));
        assertEquals(new AttributionResolver.Referral("XK7mP2q", "c1"), AttributionResolver.parseCookie("\"XK7mP2q~c1\""));
        assertEquals(new AttributionResolver.Referral("XK7mP2q", null), AttributionResolver.parseCookie("XK7mP2q~<script>"));
        assertNull(AttributionResolver.parseCookie("~c1"));
        assertNull(AttributionResolver.parseCookie("a b~c"));
        assertNull(AttributionResolver.parseCookie(""));
        assertNull(AttributionResolver.parseCookie(null));
    }
}
