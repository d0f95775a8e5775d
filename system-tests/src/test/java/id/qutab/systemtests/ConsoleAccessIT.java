package id.qutab.systemtests;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.order;
import static id.qutab.systemtests.Scenario.pay;
import static id.qutab.systemtests.Scenario.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who gets into the console, and the session while inside: an anonymous browser and non-admin accounts see no
 * admin page or data; an admin signs in, switches language, logs out for good; an access token that is garbage or
 * expired is refreshed without losing the page; and the dashboard's totals are the reports' own numbers.
 */
@ExtendWith(ConsolePlatform.class)
class ConsoleAccessIT {

    private static final String LOGIN = "/admin/login";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    /** Every section of the console, and detail pages with an id that exists nowhere. */
    private static final List<String> SECTIONS = List.of(
            "/admin/", "/admin/orders", "/admin/orders?status=PAID", "/admin/orders/" + UUID.randomUUID(),
            "/admin/affiliates", "/admin/affiliates?status=PENDING", "/admin/affiliates/" + UUID.randomUUID(),
            "/admin/products", "/admin/coupons", "/admin/faq", "/admin/materials", "/admin/rules",
            "/admin/bank-accounts", "/admin/bank-accounts/" + UUID.randomUUID() + "/ktp", "/admin/payouts",
            "/admin/users", "/admin/users?role=admin", "/admin/operations",
            "/admin/reports/sales.csv", "/admin/reports/liabilities.csv");

    @Test
    void anAnonymousBrowserOnlyEverSeesTheLoginPage() throws IOException {
        // something that would show on the pages if they leaked: a fresh customer, besides the admin and the demo seed
        String customer = register("customer", "Anonim Tidak Boleh Lihat").email();
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            for (String section : SECTIONS) {
                browser.open(section);
                browser.find(By.id("password"));
                assertEquals(LOGIN, browser.path(), section + " must end on the login page");
                String source = browser.driver().getPageSource();
                for (String secret : List.of(ConsolePlatform.ADMIN_EMAIL, customer, "@qutab.local",
                        "@qutab.system.test", "admin-name", "data-id=")) {
                    assertFalse(source.contains(secret), section + " shows " + secret + " to an anonymous browser");
                }
            }
            browser.screenshot("console-access-anonymous");
        }
    }

    @Test
    void customersAndAffiliatesAreRefusedAndGetNoSession() throws IOException {
        for (String type : List.of("customer", "affiliate")) {
            Scenario.Account account = register(type, "Bukan Admin " + type);

            // the HTTP answer: 403 with the refused page, and no session cookie with a value
            var answer = RestAssured.given().redirects().follow(false)
                    .formParam("email", account.email()).formParam("password", account.password())
                    .formParam("next", "/admin/users").post(LOGIN);
            assertEquals(403, answer.statusCode(), type);
            assertTrue(answer.body().asString().contains("id=\"refused\""), type);
            assertTrue(answer.getDetailedCookies().asList().stream()
                    .noneMatch(c -> c.getName().startsWith("qutab_admin_") && !c.getValue().isEmpty()
                            && !c.getName().equals("qutab_admin_flash")), type + " got a session cookie");

            try (Browser browser = new Browser(ConsolePlatform.gateway())) {
                browser.login(account.email(), account.password());
                browser.find(By.id("refused"));
                assertNull(browser.driver().manage().getCookieNamed("qutab_admin_at"), type);
                assertNull(browser.driver().manage().getCookieNamed("qutab_admin_rt"), type);
                browser.screenshot("console-access-refused-" + type);

                browser.open("/admin/users");
                browser.find(By.id("password"));
                assertEquals(LOGIN, browser.path(), type + " must not reach /admin/users");
                assertFalse(browser.driver().getPageSource().contains(ConsolePlatform.ADMIN_EMAIL));
            }
        }
    }

    @Test
    void anAdminSignsInSwitchesToEnglishAndLogsOutForGood() throws IOException {
        Scenario admin = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            assertEquals("/admin/", browser.path());
            assertEquals("Dasbor", browser.text(By.id("dashboard")));
            assertTrue(browser.text(By.cssSelector("#attention h2")).contains("Perlu perhatian hari ini"));
            assertTrue(browser.text(By.cssSelector("nav.main-nav")).contains("Pengguna"));

            // the attention counts that come from lists are those lists' totals
            long pendingBanks = as(admin.adminToken()).get("/api/admin/bank-accounts?status=PENDING&size=1")
                    .then().statusCode(200).extract().jsonPath().getLong("total");
            assertEquals(String.valueOf(pendingBanks),
                    browser.find(By.cssSelector("#attention-bank-accounts .count")).getAttribute("data-value"));
            for (String service : List.of("identity", "commerce", "affiliate", "payout")) {
                long dead = as(admin.adminToken()).get("/api/admin/events/" + service + "/dead-letters?size=1")
                        .then().statusCode(200).extract().jsonPath().getLong("total");
                assertEquals(String.valueOf(dead), browser.find(By.cssSelector("#attention-dead-letters-" + service
                        + " .count")).getAttribute("data-value"), service);
                assertEquals("/admin/operations", pathOf(browser.find(By.cssSelector("#attention-dead-letters-"
                        + service + " a.open")).getAttribute("href")));
            }

            browser.click(By.id("lang-en"));
            browser.await(ExpectedConditions.textToBe(By.id("dashboard"), "Dashboard"));
            assertTrue(browser.text(By.cssSelector("#attention h2")).contains("Needs attention today"));
            assertTrue(browser.text(By.cssSelector("nav.main-nav")).contains("Users"));
            assertFalse(browser.text(By.cssSelector("nav.main-nav")).contains("Pengguna"));
            browser.screenshot("console-access-dashboard-en");

            WebDriver.Options cookies = browser.driver().manage();
            String access = cookies.getCookieNamed("qutab_admin_at").getValue();
            String refresh = cookies.getCookieNamed("qutab_admin_rt").getValue();

            browser.click(By.id("logout"));
            browser.find(By.id("password"));
            assertEquals(LOGIN, browser.path());
            browser.find(By.id("flash"));
            assertNull(cookies.getCookieNamed("qutab_admin_rt"), "logout drops the session cookies");

            // identity spent the refresh token
            RestAssured.given().contentType("application/json").body(Map.of("refreshToken", refresh))
                    .post("/api/auth/refresh").then().statusCode(401);
            // the cookies copied before the logout open nothing: not both of them ...
            cookies.addCookie(session("qutab_admin_at", access));
            cookies.addCookie(session("qutab_admin_rt", refresh));
            browser.open("/admin/users");
            browser.find(By.id("password"));
            assertEquals(LOGIN, browser.path(), "the old cookies still open /admin/users");
            assertFalse(browser.driver().getPageSource().contains(ConsolePlatform.ADMIN_EMAIL));
            // ... nor the old refresh token alone, which the console would have to trade for a new pair
            cookies.addCookie(session("qutab_admin_at", "expired"));
            cookies.addCookie(session("qutab_admin_rt", refresh));
            browser.open("/admin/users");
            browser.find(By.id("password"));
            assertEquals(LOGIN, browser.path(), "the old refresh token still refreshes");
            browser.screenshot("console-access-logged-out");
        }
    }

    @Test
    void aGarbageOrExpiredAccessTokenIsRefreshedWithoutLosingThePage() throws IOException {
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            WebDriver.Options cookies = browser.driver().manage();
            String firstRefresh = cookies.getCookieNamed("qutab_admin_rt").getValue();
            for (String bad : List.of("garbage", expiredAdminToken())) {
                String refreshBefore = cookies.getCookieNamed("qutab_admin_rt").getValue();
                cookies.deleteCookieNamed("qutab_admin_at");
                cookies.addCookie(session("qutab_admin_at", bad));

                browser.open("/admin/users?role=admin");
                browser.find(By.id("users"));
                assertEquals("/admin/users", browser.path(), "the page itself, not the login");
                assertTrue(browser.text(By.id("users")).contains(ConsolePlatform.ADMIN_EMAIL));
                assertEquals("admin", browser.find(By.id("role")).getAttribute("value"), "the filter is kept");

                String renewed = cookies.getCookieNamed("qutab_admin_at").getValue();
                assertNotEquals(bad, renewed);
                assertNotEquals(refreshBefore, cookies.getCookieNamed("qutab_admin_rt").getValue(),
                        "the refresh token is single-use: a new one comes with the new access token");
                // the new cookie is a real token of the admin
                as(renewed).get("/api/me").then().statusCode(200)
                        .body("email", org.hamcrest.Matchers.equalTo(ConsolePlatform.ADMIN_EMAIL));
            }
            browser.screenshot("console-access-refreshed");
            // the console really traded it in identity (last: presenting a spent token ends the whole session)
            RestAssured.given().contentType("application/json").body(Map.of("refreshToken", firstRefresh))
                    .post("/api/auth/refresh").then().statusCode(401);
        }
    }

    /**
     * Needs the report APIs (commerce, affiliate, payout) in the build: fresh paid orders, then the dashboard for
     * today shows exactly what GET /api/admin/reports/* answer for the same range.
     */
    @Test
    void theDashboardShowsTheReportsNumbers() throws IOException {
        Scenario admin = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
        long price = 2_750_000;
        String product = admin.product("Kambing Dasbor " + UUID.randomUUID().toString().substring(0, 6), "kambing",
                price, 10);
        Scenario.Account buyer = register("customer", "Pembeli Dasbor");
        for (int i = 0; i < 2; i++) {
            pay(buyer, order(buyer, product, null, null));
        }
        String today = LocalDate.now(JAKARTA).toString();

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/?from=" + today + "&to=" + today + "&groupBy=day");
            browser.find(By.id("total-net-paid"));
            JsonPath sales = as(admin.adminToken())
                    .get("/api/admin/reports/sales?from=" + today + "&to=" + today + "&groupBy=day")
                    .then().statusCode(200).extract().jsonPath();
            long netPaid = sales.getLong("totals.netPaid");
            long ordersPaid = sales.getLong("totals.ordersPaid");
            assertTrue(ordersPaid >= 2 && netPaid >= 2 * price, "the two fresh orders are in today's report");

            assertEquals(String.valueOf(netPaid), browser.find(By.id("total-net-paid")).getAttribute("data-value"));
            assertEquals(String.valueOf(netPaid), digits(browser.text(By.id("total-net-paid"))));
            assertTrue(browser.text(By.id("total-net-paid")).startsWith("Rp "));
            assertEquals(String.valueOf(ordersPaid), browser.text(By.id("total-orders-paid")));
            assertEquals(sales.getString("totals.ordersPlaced"), browser.text(By.id("total-orders-placed")));
            assertEquals(sales.getString("totals.gross"), browser.find(By.id("total-gross")).getAttribute("data-value"));
            assertEquals(sales.getString("totals.discounts"),
                    browser.find(By.id("total-discounts")).getAttribute("data-value"));

            JsonPath pipeline = as(admin.adminToken()).get("/api/admin/reports/orders-pipeline")
                    .then().statusCode(200).extract().jsonPath();
            String paidNow = pipeline.getString("statuses.find { it.status == 'PAID' }.count");
            assertEquals(paidNow, browser.text(By.cssSelector("#pipeline-statuses tr[data-status=PAID] .count")));
            assertEquals(paidNow, browser.find(By.cssSelector("#attention-paid-orders .count")).getAttribute("data-value"));

            JsonPath liabilities = as(admin.adminToken()).get("/api/admin/reports/liabilities")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(liabilities.getString("available"),
                    browser.find(By.id("liabilities-available")).getAttribute("data-value"));
            JsonPath affiliates = as(admin.adminToken())
                    .get("/api/admin/reports/affiliates?from=" + today + "&to=" + today)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(affiliates.getString("pendingApplications"), browser.text(By.id("pending-applications")));

            // Chart.js (the webjar) drew every chart under the console's CSP
            for (String chart : List.of("chart-revenue", "chart-orders", "chart-pipeline", "chart-affiliates")) {
                browser.await(ExpectedConditions.attributeToBe(By.id(chart), "data-drawn", "true"));
            }
            // the CSV comes through the console, with its progress shown
            browser.click(By.id("download-sales"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#progress-sales .bytes"), "✓"));
            browser.screenshot("console-dashboard-totals");
        }
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String pathOf(String href) {
        return java.net.URI.create(href).getRawPath();
    }

    /** A session cookie as the console sets it (Path=/admin, HttpOnly, SameSite=Strict). */
    private static Cookie session(String name, String value) {
        return new Cookie.Builder(name, value).path("/admin").isHttpOnly(true).sameSite("Strict").build();
    }

    /** Looks like the admin's token but expired an hour ago (unsigned: the console must refresh, not trust it). */
    private static String expiredAdminToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String claims = "{\"sub\":\"x\",\"groups\":[\"admin\"],\"exp\":" + Instant.now().minusSeconds(3600).getEpochSecond() + "}";
        return b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }
}
