package id.qutab.affiliate.clicks;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure rules of the hot path: bots, visitors, redirect targets, the cookie, click ids. */
class ClickRulesTest {

    @Test
    void botsAreRecognized() {
        BotUserAgents bots = new BotUserAgents(List.of("qurbanscanner"));
        for (String ua : List.of("Googlebot/2.1 (+http://www.google.com/bot.html)", "facebookexternalhit/1.1",
                "WhatsApp/2.23.20.0 A", "TelegramBot (like TwitterBot)", "curl/8.5.0", "Wget/1.21",
                "python-requests/2.31.0", "Go-http-client/1.1", "Java-http-client/17", "okhttp/4.12",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0)", "Mozilla/5.0 HeadlessChrome/120", "QurbanScanner/1", "", "  ")) {
            assertTrue(bots.isBot(ua), ua);
        }
        assertTrue(bots.isBot(null));
        for (String ua : List.of("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0")) {
            assertFalse(bots.isBot(ua), ua);
        }
    }

    @Test
    void visitorsAreSaltedHashesOfIpAndUserAgent() {
        UniqueVisitor visitor = new UniqueVisitor("salt-a");
        byte[] h = visitor.hash("203.0.113.5", "Mozilla/5.0");
        assertEquals(32, h.length);
        assertEquals(HexFormat.of().formatHex(h), HexFormat.of().formatHex(visitor.hash("203.0.113.5", "Mozilla/5.0")));
        assertNotEquals(HexFormat.of().formatHex(h), HexFormat.of().formatHex(visitor.hash("203.0.113.6", "Mozilla/5.0")));
        assertNotEquals(HexFormat.of().formatHex(h), HexFormat.of().formatHex(visitor.hash("203.0.113.5", "Mozilla/6.0")));
        assertNotEquals(HexFormat.of().formatHex(h),
                HexFormat.of().formatHex(new UniqueVisitor("salt-b").hash("203.0.113.5", "Mozilla/5.0")));
        // the separator keeps ("1.2.3.4", "5x") and ("1.2.3.45", "x") apart
        assertNotEquals(HexFormat.of().formatHex(visitor.hash("1.2.3.4", "5x")),
                HexFormat.of().formatHex(visitor.hash("1.2.3.45", "x")));
    }

    @Test
    void redirectTargets() {
        RedirectTargets targets = new RedirectTargets("https://qutab.id/", "qutab.id", List.of("Promo.Qutab.id"));
        assertEquals("https://qutab.id/", targets.resolve(null));
        assertEquals("https://qutab.id/", targets.resolve(""));
        assertEquals("https://qutab.id/paket?kategori=sapi", targets.resolve("/paket?kategori=sapi"));
        assertEquals("https://promo.qutab.id/iduladha", targets.resolve("https://promo.qutab.id/iduladha"));
        assertEquals("http://qutab.id/x#y", targets.resolve("http://qutab.id/x#y"));
        for (String hostile : List.of("https://evil.id/", "//evil.id", "/\\evil.id", "https://qutab.id.evil.id/",
                "https://qutab.id@evil.id/", "https://user:pw@qutab.id/", "javascript:alert(1)", "mailto:a@qutab.id",
                "https://qutab.id/\r\nSet-Cookie: x", "https://qutab.id/ü", "qutab.id/x", "x".repeat(2001))) {
            assertEquals("https://qutab.id/", targets.resolve(hostile), hostile);
        }
    }

    @Test
    void theCookie() {
        UUID click = UUID.fromString("0190f3a2-1111-7abc-8def-123456789abc");
        assertEquals("qutab_ref=XK7mP2q~" + click + "; Max-Age=2592000; Path=/; SameSite=Lax; HttpOnly",
                new ReferralCookie(30, false).header("XK7mP2q", click));
        assertTrue(new ReferralCookie(7, true).header("XK7mP2q", click).endsWith("Max-Age=604800; Path=/; SameSite=Lax; HttpOnly; Secure"));
    }

    @Test
    void clickIdsAreVersionSevenAndTimeOrdered() throws InterruptedException {
        UUID first = ClickIds.next();
        Thread.sleep(2);
        UUID second = ClickIds.next();
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertTrue(first.getMostSignificantBits() >>> 16 < second.getMostSignificantBits() >>> 16);
    }
}
