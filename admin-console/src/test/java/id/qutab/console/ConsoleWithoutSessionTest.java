package id.qutab.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the console does before anyone has signed in, with no API behind it: every page sends the visitor to the
 * login page, the login page speaks Indonesian or English, cross-site posts are refused, the pages forbid caching and
 * framing, and an API that does not answer is said so on the page, never a stack trace. Signed-in behaviour is
 * tested in a real browser against the whole platform (system-tests, *ConsoleIT).
 */
@QuarkusTest
class ConsoleWithoutSessionTest {

    /** Quarkus points RestAssured at the root path (/admin); these tests spell out whole paths, /q/health included. */
    @BeforeEach
    void wholePaths() {
        RestAssured.basePath = "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/users", "/admin/orders", "/admin/payouts?status=APPROVED",
            "/admin/affiliates/0b6f8a2e-8e7a-4c1b-9c11-2f0c6f1d7a10", "/admin/operations",
            "/admin/loyalty/rewards", "/admin/loyalty/tiers", "/admin/loyalty/customers/0b6f8a2e-8e7a-4c1b-9c11-2f0c6f1d7a10",
            "/admin/notifications/templates", "/admin/notifications/messages?status=FAILED"})
    void everyPageSendsAnAnonymousVisitorToTheLoginPage(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals(303, response.statusCode(), path);
        String location = response.getHeader("Location");
        assertTrue(location.endsWith("/admin/login") || location.contains("/admin/login?next="), location);
        assertTrue(response.asString().isEmpty(), "no page content for " + path);
    }

    @Test
    void theLoginPageRemembersWhereTheAdminWasGoing() {
        String location = given().redirects().follow(false).get("/admin/orders?status=PAID&page=2")
                .getHeader("Location");
        assertTrue(location.endsWith("/admin/login?next=%2Fadmin%2Forders%3Fstatus%3DPAID%26page%3D2"), location);
        given().get("/admin/login?next=/admin/orders?status=PAID").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/admin/orders?status=PAID\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"})
    void theLoginPageNeverSendsTheAdminToAnotherSite(String next) {
        given().queryParam("next", next).get("/admin/login").then().statusCode(200)
                .body(containsString("name=\"next\" value=\"/admin/\""));
    }

    @Test
    void indonesianByDefaultEnglishOnRequest() {
        given().get("/admin/login").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<html lang=\"id\">"))
                .body(containsString("Masuk ke konsol admin"));
        Response switched = given().redirects().follow(false).header("Referer", "http://localhost/admin/login")
                .get("/admin/lang/en");
        assertEquals(303, switched.statusCode());
        String cookie = switched.getHeader("Set-Cookie");
        assertTrue(cookie.startsWith("qutab_admin_lang=en"), cookie);
        assertTrue(cookie.contains("Path=/admin") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
                cookie);
        given().cookie("qutab_admin_lang", "en").get("/admin/login").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Log in to the admin console"));
    }

    @Test
    void pagesAreNeitherCachedNorFramedAndRunOnlyTheirOwnScripts() {
        given().get("/admin/login").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void aFormPostedFromAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .cookie("qutab_admin_rt", "stolen").formParam("email", "x@y.z")
                .post("/admin/users/0b6f8a2e-8e7a-4c1b-9c11-2f0c6f1d7a10/disable")
                .then().statusCode(403).body(not(containsString("Exception")));
        given().redirects().follow(false).header("Sec-Fetch-Site", "cross-site")
                .formParam("email", "a@b.c").formParam("password", "x").post("/admin/login")
                .then().statusCode(403);
    }

    @Test
    void anApiThatDoesNotAnswerIsSaidOnTheLoginPage() {
        given().formParam("email", "admin@qutab.local").formParam("password", "whatever")
                .post("/admin/login").then().statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"login-error\""))
                .body(containsString("The API did not answer"))
                .body(not(containsString("at id.qutab")));
    }

    @Test
    void theScriptTheStylesheetAndTheChartLibraryAreServedUnderAdmin() {
        given().get("/admin/assets/console.js").then().statusCode(200).body(containsString("data-confirm"));
        given().get("/admin/assets/console.css").then().statusCode(200);
        given().get("/admin/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
    }

    @Test
    void healthStaysOutsideAdminWhereTheGatewayNeverForwards() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().redirects().follow(false).get("/admin/q/health/ready").then().statusCode(not(equalTo(200)));
    }
}
