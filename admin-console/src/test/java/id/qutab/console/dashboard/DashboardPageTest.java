package id.qutab.console.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * The dashboard's routing and its failure handling, without a platform: the API is unreachable here, so every
 * report card must show its own problem instead of the page failing, and bad ranges are 400 pages. (What the
 * numbers say against the real reports is ConsoleAccessIT in system-tests.) The session is a hand-made token: the
 * console reads only its expiry and role (the services verify signatures, and there are none here).
 */
@QuarkusTest
@TestProfile(DashboardPageTest.NoApi.class)
public class DashboardPageTest {

    public static class NoApi implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1: nothing listens, every call fails at once
            return Map.of("qutab.console.api-url", "http://127.0.0.1:1");
        }
    }

    public static String token(String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"t\",\"groups\":[\"" + role + "\"],\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond() + "}";
        return b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    private static RequestSpecification admin() {
        return RestAssured.given().redirects().follow(false)
                .cookie("qutab_admin_at", token("admin")).cookie("qutab_admin_rt", "refresh");
    }

    @Test
    void everyReportFailsOnItsOwnCardAndThePageStillRenders() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        admin().get("/").then().statusCode(200)
                .body(allOf(containsString("id=\"dashboard\""),
                        containsString("id=\"sales-problem\""), containsString("id=\"pipeline-problem\""),
                        containsString("id=\"affiliates-problem\""), containsString("id=\"liabilities-problem\""),
                        containsString("The API did not answer"),
                        // the default range: the last 30 days up to today in Jakarta
                        containsString("value=\"" + today.minusDays(29) + "\""),
                        containsString("value=\"" + today + "\""),
                        // every "needs attention" line is there, each with its problem and its page
                        containsString("id=\"attention-bank-accounts\""),
                        containsString("href=\"/admin/bank-accounts?status=PENDING\""),
                        containsString("href=\"/admin/payouts?status=REQUESTED\""),
                        containsString("href=\"/admin/affiliates?status=PENDING\""),
                        containsString("href=\"/admin/orders?status=PAID\""),
                        containsString("id=\"attention-dead-letters-payout\""),
                        containsString("href=\"/admin/reports/sales.csv?from=" + today.minusDays(29) + "&amp;to="
                                + today + "&amp;groupBy=day\""),
                        not(containsString("id=\"total-net-paid\""))));
    }

    @Test
    void theRangeTravelsInTheUrl() {
        admin().get("/?from=2026-01-01&to=2026-01-31&groupBy=week").then().statusCode(200)
                .body(allOf(containsString("value=\"2026-01-01\""), containsString("value=\"2026-01-31\""),
                        containsString("<option value=\"week\" selected>")));
    }

    @Test
    void aBadRangeIsA400PageNeverA500() {
        admin().get("/?from=2026-02-01&to=2026-01-01").then().statusCode(400)
                .body(containsString("id=\"problem-detail\""));
        admin().get("/?from=yesterday").then().statusCode(400).body(containsString("yesterday"));
        admin().get("/?groupBy=<script>").then().statusCode(400).body(not(containsString("<script>")));
        admin().get("/reports/sales.csv?to=2026-13-45").then().statusCode(400);
    }

    @Test
    void aDownloadThatCannotReachTheApiShowsTheProblem() {
        admin().get("/reports/liabilities.csv").then().statusCode(503).body(containsString("The API did not answer"));
    }

    @Test
    void theHomeDoesNotShadowLoginAndAnonymousGoesToLogin() {
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/admin/login"));
        RestAssured.given().get("/login").then().statusCode(200).body(containsString("id=\"password\""));
        RestAssured.given().redirects().follow(false).get("/lang/en").then().statusCode(303);
    }

    @Test
    void aNonAdminIsRefused() {
        RestAssured.given().redirects().follow(false)
                .cookie("qutab_admin_at", token("customer")).cookie("qutab_admin_rt", "refresh")
                .get("/").then().statusCode(403).body(containsString("id=\"refused\""));
    }

    @Test
    void englishIsSwitchable() {
        admin().cookie("qutab_admin_lang", "en").get("/").then().statusCode(200)
                .body(allOf(containsString("Needs attention today"), containsString("This report could not be loaded")));
        admin().get("/").then().statusCode(200).body(containsString("Perlu perhatian hari ini"));
    }
}
