package id.qutab.affiliate.clicks;

import id.qutab.affiliate.support.Affiliates;
import id.qutab.affiliate.support.Metrics;
import id.qutab.testing.TestDb;
import id.qutab.testing.PostgresResource;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /r/{code}}: the redirect, the cookie, the allow-list, and what is (not) recorded. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ReferralRedirectTest {

    private static final String LANDING = "https://app.qutab.test/";
    private static final String BROWSER = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final Pattern COOKIE = Pattern.compile(
            "qutab_ref=([A-Za-z0-9]+)~([0-9a-f-]{36}); Max-Age=2592000; Path=/; SameSite=Lax; HttpOnly; Secure");

    /** Over JDBC, not injected: {@code ReferralRedirectIT} runs these tests against the packaged app. */
    final TestDb db = TestDb.ofAppUnderTest();

    /** Writes the buffered clicks now; {@code ReferralRedirectIT} waits for the scheduled flush instead. */
    void flushClicks() {
        Arc.container().instance(ClickFlusher.class).get().flush();
    }

    private static Response visit(String path) {
        return given().redirects().follow(false).urlEncodingEnabled(false).header("User-Agent", BROWSER)
                .header("X-Forwarded-For", "203.0.113.77, 10.0.0.1").get(path);
    }

    private static Response visit(String code, String to) {
        return given().redirects().follow(false).header("User-Agent", BROWSER).queryParam("to", to)
                .get("/r/" + code);
    }

    @Test
    void anActiveCodeRedirectsToTheLandingPageWithTheCookieAndRecordsTheClick() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Satu");
        Response r = visit("/r/" + a.code());
        assertEquals(302, r.statusCode());
        assertEquals(LANDING, r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));
        Matcher cookie = COOKIE.matcher(r.header("Set-Cookie"));
        assertTrue(cookie.matches(), r.header("Set-Cookie"));
        assertEquals(a.code(), cookie.group(1));
        UUID clickId = UUID.fromString(cookie.group(2));

        flushClicks();
        List<Object> click = db.rows("SELECT affiliate_id, code, bot, unique_visit, length(visitor_hash), click::text"
                + " FROM click WHERE id = ?", clickId).get(0);
        assertEquals(a.id(), click.get(0));
        assertEquals(a.code(), click.get(1));
        assertEquals(false, click.get(2));
        assertEquals(true, click.get(3));
        assertEquals(32, ((Number) click.get(4)).intValue());
        assertFalse(((String) click.get(5)).contains("203.0.113.77"), "the raw IP is never stored");
    }

    @Test
    void aVisitOverTheGatewaysLimitStillRedirectsWithTheCookieButIsNotCounted() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Limit");
        double before = limitedClicks();
        Response r = given().redirects().follow(false).header("User-Agent", BROWSER)
                .header("X-Forwarded-For", "203.0.113.78").header("X-Qutab-Rate-Limited", "referral")
                .get("/r/" + a.code() + "?to=/products/7");
        assertEquals(302, r.statusCode());
        assertEquals("https://app.qutab.test/products/7", r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));
        // A real customer behind carrier NAT is still attributed: attribution keys on the cookie, not the click.
        Matcher cookie = COOKIE.matcher(r.header("Set-Cookie"));
        assertTrue(cookie.matches(), r.header("Set-Cookie"));
        assertEquals(a.code(), cookie.group(1));

        flushClicks();
        assertEquals(0, db.count("SELECT count(*) FROM click WHERE affiliate_id = ?", a.id()));
        assertEquals(0, db.count("SELECT coalesce(sum(clicks), 0) FROM daily_stats WHERE affiliate_id = ?", a.id()));
        assertEquals(before + 1, limitedClicks());

        // The same visitor under the limit is counted as usual.
        given().redirects().follow(false).header("User-Agent", BROWSER).header("X-Forwarded-For", "203.0.113.78")
                .get("/r/" + a.code()).then().statusCode(302);
        flushClicks();
        assertEquals(1, db.count("SELECT count(*) FROM click WHERE affiliate_id = ?", a.id()));
    }

    private double limitedClicks() {
        return Metrics.value("qutab_referral_clicks_limited_total");
    }

    @Test
    void codesMatchInAnyCaseAndTheCookieCarriesTheCodeAsIssued() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Dua");
        Response r = visit("/r/" + a.code().toLowerCase());
        assertEquals(302, r.statusCode());
        Matcher cookie = COOKIE.matcher(r.header("Set-Cookie"));
        assertTrue(cookie.matches(), r.header("Set-Cookie"));
        assertEquals(a.code(), cookie.group(1));
    }

    @Test
    void toIsFollowedOnlyToAllowedPlaces() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Tiga");
        assertEquals("https://shop.qutab.test/paket/sapi?ukuran=besar",
                visit(a.code(), "https://shop.qutab.test/paket/sapi?ukuran=besar").header("Location"));
        assertEquals("https://app.qutab.test/products/123", visit(a.code(), "/products/123").header("Location"));
        assertEquals("https://APP.qutab.test/x", visit(a.code(), "https://APP.qutab.test/x").header("Location"));
        for (String hostile : List.of("https://evil.example/", "//evil.example/x", "javascript:alert(1)",
                "https://app.qutab.test@evil.example/", "https://evil.example\\@app.qutab.test/",
                "http://shop.qutab.test.evil.example/", "/\r\nSet-Cookie:x=1", "ftp://shop.qutab.test/",
                "https://evil.example/\r\n", "data:text/html,hi", "/ spaces")) {
            Response r = visit(a.code(), hostile);
            assertEquals(302, r.statusCode(), hostile);
            assertEquals(LANDING, r.header("Location"), hostile);
            assertTrue(COOKIE.matcher(r.header("Set-Cookie")).matches(), "the cookie does not depend on to");
        }
    }

    @Test
    void unknownAndMalformedCodesRedirectWithoutCookie() {
        for (String path : List.of("/r/NoSuchCode9", "/r/abc", "/r/" + "x".repeat(21), "/r/a-b-c-d",
                "/r/%3Cscript%3E", "/r/NoSuchCode9?to=https://shop.qutab.test/")) {
            Response r = visit(path);
            assertEquals(302, r.statusCode(), path);
            assertNull(r.header("Set-Cookie"), path);
            assertTrue(r.header("Location").startsWith("https://"), path);
        }
        assertEquals("https://shop.qutab.test/", visit("/r/NoSuchCode9?to=https://shop.qutab.test/").header("Location"));
    }

    @Test
    void aSuspendedAffiliatesLinkStillRedirectsButSetsNoCookieAndCountsNothing() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Empat");
        Affiliates.suspend(a.id());
        Response r = visit("/r/" + a.code());
        assertEquals(302, r.statusCode());
        assertEquals(LANDING, r.header("Location"));
        assertNull(r.header("Set-Cookie"));
        flushClicks();
        assertEquals(0, db.count("SELECT count(*) FROM click WHERE affiliate_id = ?", a.id()));

        given().auth().oauth2(Affiliates.admin()).post("/api/admin/affiliates/" + a.id() + "/reinstate")
                .then().statusCode(200);
        assertTrue(COOKIE.matcher(visit("/r/" + a.code()).header("Set-Cookie")).matches(), "reinstated at once");
    }

    @Test
    void theRouteIsDocumentedInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/r/{code}", "/api/affiliate/dashboard",
                        "/api/admin/affiliates/{id}/approve", "/api/admin/jobs/{job}/run"));
    }

    @Test
    void botsGetTheRedirectAndCookieButAreNotCounted() {
        Affiliates.Made a = Affiliates.approved("Redirect", "Lima");
        Response r = given().redirects().follow(false).header("User-Agent", "WhatsApp/2.24.1 A")
                .get("/r/" + a.code());
        assertEquals(302, r.statusCode());
        Matcher cookie = COOKIE.matcher(r.header("Set-Cookie"));
        assertTrue(cookie.matches());
        flushClicks();
        assertEquals(List.of(true, false), db.rows("SELECT bot, unique_visit FROM click WHERE id = ?",
                UUID.fromString(cookie.group(2))).get(0));
        assertEquals(0, db.count("SELECT coalesce(sum(clicks), 0) FROM daily_stats WHERE affiliate_id = ?", a.id()));
    }
}
