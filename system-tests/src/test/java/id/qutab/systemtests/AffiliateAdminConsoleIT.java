package id.qutab.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.await;
import static id.qutab.systemtests.Scenario.awaitCommission;
import static id.qutab.systemtests.Scenario.commission;
import static id.qutab.systemtests.Scenario.order;
import static id.qutab.systemtests.Scenario.pay;
import static id.qutab.systemtests.Scenario.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's affiliate-program work in the console, in a real browser against the whole platform: an application
 * reviewed and approved with a custom code (a taken code shows the API's 409 detail), a bank account verified
 * after its audited KTP was viewed, and a payout approved and marked paid with the affiliate's balance moving by
 * exactly its amount. Each test checks what the page shows and what the API then says.
 */
@ExtendWith(ConsolePlatform.class)
class AffiliateAdminConsoleIT {

    private static final long PRICE = 3_250_000;
    /** kambing: 500 bps in the seeded commission rules, Bronze tier: no bonus (as in MoneyFlowIT). */
    private static final int KAMBING_BPS = 500;

    private static Scenario scenario;

    @BeforeAll
    static void admin() {
        scenario = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
    }

    @Test
    void approvesAnApplicationWithACustomCode() throws Exception {
        // an earlier affiliate holds a code, which the admin will first try by mistake
        String takenCode = scenario.approve(register("affiliate", "Rina Kusuma"));

        Scenario.Account applicant = register("affiliate", "Siti Aminah");
        Scenario.apply(applicant);
        String[] id = {awaitAffiliateId(applicant)};
        Scenario.Account refused = register("affiliate", "Joko Susilo");
        Scenario.apply(refused);
        String refusedId = awaitAffiliateId(refused);
        String customCode = "Qt" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();

            // one application rejected with a reason
            browser.open("/admin/affiliates/" + refusedId);
            browser.type(By.id("reject-reason"), "Profil media sosial tidak ditemukan");
            browser.click(By.id("reject-" + refusedId));
            awaitStatus(browser, "affiliate", "REJECTED");
            assertEquals("Profil media sosial tidak ditemukan", browser.text(By.id("rejection-reason")));
            assertEquals("REJECTED", as(refused.token()).get("/api/affiliate/application")
                    .then().statusCode(200).extract().path("status"));

            // the filters live in the URL: this list can be shared and the back button returns to it
            browser.open("/admin/affiliates?status=PENDING&q=" + applicant.email());
            assertEquals("PENDING", browser.find(By.id("status")).getAttribute("value"));
            browser.find(By.cssSelector("tr[data-id='" + id[0] + "']"));
            assertEquals(1, browser.all(By.cssSelector("#affiliates tbody tr")).size());
            browser.click(By.id("view-" + id[0]));

            // the whole application is on the page
            assertEquals("/admin/affiliates/" + id[0], browser.path());
            assertEquals("Bogor", browser.text(By.id("application-city")));
            assertEquals("Saya ingin membantu tetangga berqurban", browser.text(By.id("application-reason")));
            assertEquals("@qurban.test", browser.text(By.id("application-instagram")));
            assertEquals("https://www.instagram.com/qurban.test",
                    browser.find(By.cssSelector("#application-instagram a")).getAttribute("href"));
            assertEquals("https://www.tiktok.com/@qurban.test",
                    browser.find(By.cssSelector("#application-tiktok a")).getAttribute("href"));
            assertEquals(applicant.email(), browser.text(By.id("affiliate-email")));

            // a taken code: the API's 409 detail, and nothing approved
            browser.type(By.id("custom-code"), takenCode);
            browser.click(By.id("approve-" + id[0]));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "already taken"));
            assertTrue(browser.find(By.id("flash")).getAttribute("class").contains("error"));
            assertEquals("PENDING", browser.find(By.id("affiliate")).getAttribute("data-status"));

            // the custom code: in the flash and on the page
            browser.type(By.id("custom-code"), customCode);
            browser.click(By.id("approve-" + id[0]));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), customCode));
            assertEquals("APPROVED", browser.find(By.id("affiliate")).getAttribute("data-status"));
            assertEquals(customCode, browser.text(By.id("affiliate-code")));

            // the profile photo, through the console's proxy of the admin-only photo
            as(applicant.token()).multiPart("file", "foto.png", Scenario.ktpImage(), "image/png")
                    .post("/api/affiliate/profile/photo").then().statusCode(200);
            browser.open("/admin/affiliates/" + id[0]);
            browser.await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var i = document.getElementById('affiliate-photo'); return i.complete && i.naturalWidth > 0;"));

            // suspend (confirmed) and reinstate
            browser.type(By.id("suspend-reason"), "Uji penangguhan");
            browser.clickAndConfirm(By.id("suspend-" + id[0]), applicant.email());
            awaitStatus(browser, "affiliate", "SUSPENDED");
            assertEquals("SUSPENDED", as(scenario.adminToken()).get("/api/admin/affiliates/" + id[0])
                    .then().statusCode(200).extract().path("status"));
            browser.click(By.id("reinstate-" + id[0]));
            awaitStatus(browser, "affiliate", "APPROVED");

            // this affiliate's self-referral flags: none
            browser.click(By.id("self-referrals-of"));
            assertEquals("/admin/affiliates/self-referrals", browser.path());
            browser.find(By.id("self-referrals"));
            assertEquals(0, browser.all(By.cssSelector("#self-referrals tbody tr")).size());

            // a malformed id is a clear page, not a stack trace
            browser.open("/admin/affiliates/not-a-uuid");
            browser.find(By.id("error-title"));
            assertTrue(!browser.driver().getPageSource().contains("Exception"));

            browser.open("/admin/affiliates/" + id[0]);
            assertEquals(customCode, browser.text(By.id("affiliate-code")));
            browser.screenshot("affiliate-approved-with-custom-code");
        }

        // the affiliate's own view agrees
        Map<String, Object> application = as(applicant.token()).get("/api/affiliate/application")
                .then().statusCode(200).extract().path("");
        assertEquals("APPROVED", application.get("status"));
        assertEquals(customCode, application.get("code"));
    }

    @Test
    void verifiesABankAccountAfterViewingTheAuditedKtp() throws Exception {
        Scenario.Account affiliate = register("affiliate", "Dewi Lestari");
        scenario.approve(affiliate);
        String account = scenario.bankAccountWithKtp(affiliate, "Dewi Lestari");
        long readsBefore = ktpReads(account);

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/bank-accounts?size=100"); // the queue: PENDING by default
            assertEquals("PENDING", browser.find(By.id("status")).getAttribute("value"));
            browser.click(By.id("view-" + account));
            assertEquals("PENDING", browser.find(By.id("bank-account")).getAttribute("data-status"));
            assertEquals("1234567890", browser.text(By.id("account-number")));
            assertEquals("3201014501900001", browser.text(By.id("account-nik")));

            browser.click(By.id("view-ktp"));
            assertTrue(browser.text(By.id("ktp-logged")).contains("mencatat"), "the page says that viewing is logged");
            // the image really arrived through the console: decoded by the browser, at the uploaded size
            browser.await(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "var i = document.getElementById('ktp-image'); return i.complete && i.naturalWidth > 0;"));
            long width = (Long) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.getElementById('ktp-image').naturalWidth;");
            assertEquals(856, width);
            // and payout-service logged the read
            await("KTP read audited", () -> ktpReads(account) > readsBefore);

            browser.clickAndConfirm(By.id("verify-" + account), "Dewi Lestari");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), "Dewi Lestari"));
            assertEquals("VERIFIED", browser.find(By.id("bank-account")).getAttribute("data-status"));
            browser.screenshot("bank-account-verified");
        }

        assertEquals("VERIFIED", as(scenario.adminToken()).get("/api/admin/bank-accounts/" + account)
                .then().statusCode(200).extract().path("verificationStatus"));
        assertEquals("VERIFIED", as(affiliate.token()).get("/api/affiliate/bank-account")
                .then().statusCode(200).extract().path("verificationStatus"));
    }

    @Test
    void approvesAndPaysAPayoutAndTheBalanceMovesByItsAmount() throws Exception {
        // --- a commission AVAILABLE for an approved affiliate (MoneyFlowIT's sequence) ----------------------
        Scenario.Account affiliate = register("affiliate", "Andi Wijaya");
        String code = scenario.approve(affiliate);
        Scenario.Account customer = register("customer", "Budi Santoso");
        String cookie = RestAssured.given().redirects().follow(false).get("/r/" + code).getCookie("qutab_ref");
        String product = scenario.product("Kambing Konsol " + UUID.randomUUID().toString().substring(0, 6),
                "kambing", PRICE, 10);
        String order = order(customer, product, cookie, null);
        pay(customer, order);
        awaitCommission(affiliate, order, "PENDING");
        for (String status : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            as(scenario.adminToken()).contentType(ContentType.JSON).body(Map.of("status", status, "note", status))
                    .post("/api/admin/orders/" + order + "/status").then().statusCode(200);
        }
        await("commission available", () -> {
            as(scenario.adminToken()).post("/api/admin/jobs/commission-maturation/run").then().statusCode(200);
            return "AVAILABLE".equals(commission(affiliate, order).map(c -> c.get("status")).orElse(null));
        });

        // --- verified account, a payout requested by the affiliate ------------------------------------------
        String account = scenario.bankAccountWithKtp(affiliate, "Andi Wijaya");
        as(scenario.adminToken()).post("/api/admin/bank-accounts/" + account + "/verify").then().statusCode(200);
        long earned = PRICE * KAMBING_BPS / 10_000;
        await("balance available", () -> number(balance(affiliate).get("available")) == earned);
        Map<String, Object> before = balance(affiliate);
        String payout = as(affiliate.token()).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", earned)).post("/api/affiliate/payouts")
                .then().statusCode(201).extract().path("id");
        String amount = "Rp " + String.format(java.util.Locale.ROOT, "%,d", earned).replace(',', '.');

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/payouts?status=REQUESTED&size=100");
            assertEquals(amount, browser.text(By.cssSelector("tr[data-id='" + payout + "'] .amount")));
            browser.click(By.id("view-" + payout));
            assertEquals("REQUESTED", browser.find(By.id("payout")).getAttribute("data-status"));

            String question = browser.clickAndConfirm(By.id("approve-" + payout), amount);
            assertTrue(question.contains("Andi Wijaya"), question);
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), amount));
            assertEquals("APPROVED", browser.find(By.id("payout")).getAttribute("data-status"));
            // the transfer batch now lists it: the list page's download shows its progress, and the CSV that
            // streams through the console carries the payout's row
            browser.open("/admin/payouts?status=APPROVED&size=100");
            browser.click(By.id("export-csv"));
            browser.await(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#download-progress .bytes"), "KB \u2713"));
            String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "fetch('/admin/payouts/export.csv?status=APPROVED', {credentials: 'same-origin'})"
                            + ".then(function (r) { return r.text().then(function (t) {"
                            + " done(r.headers.get('Content-Type') + '\\n' + t); }); },"
                            + " function (e) { done('failed ' + e); });");
            assertTrue(csv.startsWith("text/csv"), csv);
            assertTrue(csv.contains("payout_id"), csv);
            String row = csv.lines().filter(l -> l.contains(payout)).findFirst()
                    .orElseThrow(() -> new AssertionError("the APPROVED CSV lists " + payout + ": " + csv));
            assertTrue(row.contains("1234567890") && row.contains("Andi Wijaya") && row.contains("," + earned + ","),
                    row);
            // a bad date is the API's problem detail on a page, not a broken download
            browser.open("/admin/payouts/export.csv?status=APPROVED&from=2026-13-40");
            assertTrue(browser.text(By.id("problem-detail")).contains("YYYY-MM-DD"));

            browser.open("/admin/payouts/" + payout);

            String reference = "BCA-TRF-" + UUID.randomUUID().toString().substring(0, 8);
            browser.type(By.id("transfer-reference-input"), reference);
            browser.clickAndConfirm(By.id("mark-paid-" + payout), amount);
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("flash"), reference));
            assertEquals("PAID", browser.find(By.id("payout")).getAttribute("data-status"));
            assertEquals(reference, browser.text(By.id("transfer-reference")));
            browser.find(By.id("statement"));
            browser.screenshot("payout-paid");
        }

        // --- the affiliate's balance moved by exactly the amount ---------------------------------------------
        awaitCommission(affiliate, order, "PAID");
        Map<String, Object> after = balance(affiliate);
        assertEquals(earned, number(before.get("available")));
        assertEquals(0, number(after.get("available")));
        assertEquals(0, number(after.get("reserved")));
        assertEquals(number(before.get("pending")), number(after.get("pending")));
        assertEquals(number(before.get("paidOut")) + earned, number(after.get("paidOut")));
        assertEquals("PAID", as(scenario.adminToken()).get("/api/admin/payouts/" + payout)
                .then().statusCode(200).extract().path("status"));
    }

    /** Waits for the page after a post: the element is re-read each time (the old page's copy goes stale). */
    private static void awaitStatus(Browser browser, String elementId, String status) {
        browser.await(d -> {
            try {
                return status.equals(d.findElement(By.id(elementId)).getAttribute("data-status"));
            } catch (StaleElementReferenceException | NoSuchElementException gone) {
                return false;
            }
        });
    }

    /** The affiliate-service learns the applicant's email from identity's event: search until it has. */
    private static String awaitAffiliateId(Scenario.Account affiliate) {
        String[] id = new String[1];
        await("application of " + affiliate.email() + " listed", () -> {
            try {
                id[0] = scenario.affiliateIdOf(affiliate);
                return true;
            } catch (AssertionError notYet) {
                return false;
            }
        });
        return id[0];
    }

    private static Map<String, Object> balance(Scenario.Account affiliate) {
        return as(affiliate.token()).get("/api/affiliate/balance").then().statusCode(200).extract().path("");
    }

    private static long ktpReads(String account) {
        return number(as(scenario.adminToken()).get("/api/admin/bank-accounts/" + account + "/ktp/audit")
                .then().statusCode(200).extract().path("total"));
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
