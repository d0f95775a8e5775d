package id.qutab.systemtests;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.await;
import static id.qutab.systemtests.Scenario.order;
import static id.qutab.systemtests.Scenario.pay;
import static id.qutab.systemtests.Scenario.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loyalty and notification pages of the console in a real browser against the whole platform: a reward made,
 * edited and deactivated; the tier ladder edited (a too-fine multiplier and a ladder the API refuses show their
 * problem, change nothing) and put back; a customer's points adjusted from the users list, which the customer's own
 * {@code GET /api/loyalty} then shows; a WhatsApp template created and edited into version 2 with both versions in
 * its history; a completed order's points on the customer's page and their WhatsApp message in the message log.
 * Each step checks the page and what the API then says.
 */
@ExtendWith(ConsolePlatform.class)
class LoyaltyNotificationsConsoleIT {

    private static Scenario scenario;

    @BeforeAll
    static void admin() {
        scenario = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
    }

    @Test
    void createsEditsAndDeactivatesAReward() throws Exception {
        String name = "Diskon uji " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/loyalty/rewards");
            browser.click(By.id("new-reward"));
            assertEquals("/admin/loyalty/rewards/new", browser.path());
            browser.type(By.id("name"), name).type(By.id("description"), "Potongan di checkout")
                    .type(By.id("value"), "250.000").type(By.id("pointsCost"), "2500").type(By.id("stock"), "5");
            new Select(browser.find(By.id("kind"))).selectByValue("DISCOUNT");
            assertEquals("Hadiah " + name + " dibuat.", flashAfter(browser, () -> browser.click(By.id("save"))));
            Map<String, Object> reward = rewardOf(name).orElseThrow();
            assertEquals("/admin/loyalty/rewards/" + reward.get("id"), browser.path());
            assertEquals(2500, number(reward.get("pointsCost")));
            assertEquals(250_000, number(reward.get("value")));
            assertEquals(5, number(reward.get("stock")));
            assertEquals("DISCOUNT", reward.get("kind"));
            assertEquals(true, reward.get("active"));

            // edited: a new price in points
            browser.type(By.id("pointsCost"), "3000");
            assertEquals("Hadiah " + name + " disimpan.", flashAfter(browser, () -> browser.click(By.id("save"))));
            assertEquals(3000, number(rewardOf(name).orElseThrow().get("pointsCost")));

            // a price that is not a number: the API's own problem detail, nothing changed
            browser.type(By.id("pointsCost"), "abc");
            flashAfter(browser, () -> browser.click(By.id("save")));
            assertTrue(browser.find(By.id("flash")).getAttribute("class").contains("error"),
                    browser.flash());
            assertEquals(3000, number(rewardOf(name).orElseThrow().get("pointsCost")));

            // in the list of active rewards, then deactivated (confirmed with its name)
            browser.open("/admin/loyalty/rewards?active=true&size=100");
            assertEquals("true", browser.find(By.id("active")).getAttribute("value"));
            WebElement row = browser.find(By.cssSelector("#rewards tr[data-id='" + reward.get("id") + "']"));
            assertEquals("3.000", row.findElement(By.cssSelector(".points-cost")).getText());
            assertEquals("Rp 250.000", row.findElement(By.cssSelector(".value")).getText());
            assertEquals("Diskon di checkout", row.findElement(By.cssSelector(".kind")).getText());
            Object id = reward.get("id");
            assertEquals("Hadiah " + name + " dinonaktifkan.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("deactivate-" + id), name)));
            assertEquals("false", browser.find(By.id("reward-state")).getAttribute("data-active"));
            assertEquals(false, rewardOf(name).orElseThrow().get("active"));
            browser.open("/admin/loyalty/rewards?active=false&size=100");
            assertEquals("false", browser.find(By.cssSelector("#rewards tr[data-id='" + id + "']"))
                    .getAttribute("data-active"));
            browser.open("/admin/loyalty/rewards?active=true&size=100");
            assertTrue(browser.all(By.cssSelector("#rewards tr[data-id='" + id + "']")).isEmpty());
            browser.screenshot("loyalty-rewards");
        }
    }

    @Test
    void editsTheTierSettingsAndShowsTheApisProblems() throws Exception {
        Map<String, Object> original = tiers();
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/loyalty/tiers");
            assertEquals(3, browser.all(By.cssSelector("#tiers tbody tr")).size());
            long silverBps = number(tier(original, "SILVER").get("multiplierBps"));
            assertEquals(multiplierText(silverBps), browser.text(By.cssSelector("#tiers tr[data-code='SILVER'] .multiplier")));

            // Silver earns 1.3×
            browser.type(By.id("tier-multiplier-SILVER"), "1,3");
            String saved = flashAfter(browser, () -> browser.clickAndConfirm(By.id("save-tiers"), null));
            assertTrue(saved.startsWith("Tier disimpan: ") && saved.contains("1.3×"), saved);
            assertEquals(13000, number(tier(tiers(), "SILVER").get("multiplierBps")));
            assertEquals("1.3×", browser.text(By.cssSelector("#tiers tr[data-code='SILVER'] .multiplier")));

            // finer than a basis point: refused in the console, nothing sent
            browser.type(By.id("tier-multiplier-SILVER"), "1,23456");
            String tooFine = flashAfter(browser, () -> browser.clickAndConfirm(By.id("save-tiers"), null));
            assertTrue(tooFine.startsWith("Pengali paling banyak empat angka"), tooFine);
            assertEquals(13000, number(tier(tiers(), "SILVER").get("multiplierBps")));

            // Gold below Silver: the API judges the ladder, its problem is what the admin reads, nothing changes
            Map<String, Object> before = tiers();
            browser.type(By.id("tier-min-spend-GOLD"), "1000");
            String refused = flashAfter(browser, () -> browser.clickAndConfirm(By.id("save-tiers"), null));
            assertTrue(browser.find(By.id("flash")).getAttribute("class").contains("error"), refused);
            assertFalse(refused.isBlank());
            assertEquals(before, tiers());
            browser.screenshot("loyalty-tiers");

            // and back as they were, through the same form
            browser.open("/admin/loyalty/tiers");
            for (String code : List.of("BRONZE", "SILVER", "GOLD")) {
                Map<String, Object> t = tier(original, code);
                browser.type(By.id("tier-name-" + code), String.valueOf(t.get("name")))
                        .type(By.id("tier-min-spend-" + code), String.valueOf(number(t.get("minSpend"))))
                        .type(By.id("tier-multiplier-" + code), multiplierText(number(t.get("multiplierBps")))
                                .replace("×", ""));
            }
            flashAfter(browser, () -> browser.clickAndConfirm(By.id("save-tiers"), null));
        } finally {
            // whatever happened above, the shared platform's ladder is as it was for the other tests
            as(scenario.adminToken()).contentType(ContentType.JSON).body(original).put("/api/admin/loyalty/tiers")
                    .then().statusCode(200);
        }
        assertEquals(original, tiers());
    }

    @Test
    void adjustsACustomersPointsAndTheCustomerSeesTheBalance() throws Exception {
        Scenario.Account customer = register("customer", "Nur Aisyah");
        // commerce learns of the customer from identity's registration event
        await("commerce knows the customer", () -> as(scenario.adminToken())
                .get("/api/admin/loyalty/customers/" + customer.userId()).statusCode() == 200);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            // from the users list, the customer's own link
            browser.open("/admin/users?role=customer&q=" + customer.email());
            browser.click(By.id("loyalty-" + customer.userId()));
            assertEquals("/admin/loyalty/customers/" + customer.userId(), browser.path());
            assertEquals("0", browser.text(By.id("customer-points")));

            browser.type(By.id("adjust-points"), "750").type(By.id("adjust-reason"), "Kompensasi keterlambatan distribusi");
            assertEquals("Penyesuaian +750 poin dicatat; saldo sekarang 750 poin.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("adjust"), null)));
            assertEquals("750", browser.text(By.id("customer-points")));
            WebElement entry = browser.find(By.cssSelector("#ledger tr[data-type='ADJUST']"));
            assertEquals("+750", entry.findElement(By.cssSelector(".points")).getText());
            assertTrue(entry.findElement(By.cssSelector(".reason")).getText()
                    .startsWith("Kompensasi keterlambatan distribusi"));
            // the customer's own view agrees
            assertEquals(750, number(as(customer.token()).get("/api/loyalty").then().statusCode(200)
                    .extract().path("points")));

            browser.type(By.id("adjust-points"), "-250").type(By.id("adjust-reason"), "Koreksi");
            assertEquals("Penyesuaian -250 poin dicatat; saldo sekarang 500 poin.",
                    flashAfter(browser, () -> browser.clickAndConfirm(By.id("adjust"), null)));
            assertEquals(500, number(as(customer.token()).get("/api/loyalty").then().statusCode(200)
                    .extract().path("points")));

            // zero points: the API refuses, its detail shows, the balance stays
            browser.type(By.id("adjust-points"), "0").type(By.id("adjust-reason"), "Nol");
            flashAfter(browser, () -> browser.clickAndConfirm(By.id("adjust"), null));
            assertTrue(browser.find(By.id("flash")).getAttribute("class").contains("error"), browser.flash());
            assertEquals("500", browser.text(By.id("customer-points")));
            assertEquals(2, browser.all(By.cssSelector("#ledger tr[data-type='ADJUST']")).size());
            Map<String, Object> account = as(scenario.adminToken())
                    .get("/api/admin/loyalty/customers/" + customer.userId()).then().statusCode(200).extract().path("");
            assertEquals(500, number(account.get("points")));
            assertEquals(2, number(((Map<?, ?>) account.get("entries")).get("total")));
            browser.screenshot("loyalty-customer-adjusted");

            // found by email too
            browser.open("/admin/loyalty/customers?q=" + customer.email());
            assertEquals("/admin/loyalty/customers/" + customer.userId(), browser.path());
            assertEquals("500", browser.text(By.id("customer-points")));
        }
        assertEquals(500, number(as(customer.token()).get("/api/loyalty").then().statusCode(200)
                .extract().path("points")));
    }

    @Test
    void editsAWhatsAppTemplateIntoVersionTwo() throws Exception {
        String key = "uji_promo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            browser.open("/admin/notifications/templates");
            browser.click(By.id("new-template"));
            new Select(browser.find(By.id("template-channel"))).selectByValue("WHATSAPP");
            browser.type(By.id("template-key"), key);
            new Select(browser.find(By.id("template-locale"))).selectByValue("id");
            new Select(browser.find(By.id("template-category"))).selectByValue("promotion");
            browser.type(By.id("template-body"), "Halo {{name}}, kode promo Anda {{code}}.");
            assertEquals("Template " + key + " (id) dibuat, versi 1.",
                    flashAfter(browser, () -> browser.click(By.id("save-template"))));
            String first = browser.path().substring("/admin/notifications/templates/".length());
            assertEquals("1", browser.find(By.id("template-version")).getAttribute("data-version"));
            assertTrue(browser.text(By.id("new-version-notice")).startsWith("Menyimpan perubahan membuat versi 2."),
                    browser.text(By.id("new-version-notice")));
            assertEquals("Simpan sebagai versi 2", browser.text(By.id("save-template")));
            assertEquals("Variabel (urutan parameter): name, code", browser.text(By.id("template-variables")));
            Map<String, Object> v1 = latest(key).orElseThrow();
            assertEquals(first, v1.get("id"));
            assertEquals(1, number(v1.get("version")));
            assertEquals("WHATSAPP", v1.get("channel"));
            assertEquals("promotion", v1.get("category"));

            // edited: the API keeps version 1 and makes version 2, which the page then shows
            browser.type(By.id("template-body"), "Halo {{name}}, kode promo Anda {{code}} berlaku sampai {{until}}.");
            assertEquals("Template " + key + " (id) disimpan sebagai versi 2.",
                    flashAfter(browser, () -> browser.click(By.id("save-template"))));
            String second = browser.path().substring("/admin/notifications/templates/".length());
            assertNotEquals(first, second);
            assertEquals("2", browser.find(By.id("template-version")).getAttribute("data-version"));
            assertEquals("Halo {{name}}, kode promo Anda {{code}} berlaku sampai {{until}}.",
                    browser.find(By.id("template-body")).getAttribute("value"));
            assertEquals("Variabel (urutan parameter): name, code, until", browser.text(By.id("template-variables")));
            Map<String, Object> v2 = latest(key).orElseThrow();
            assertEquals(second, v2.get("id"));
            assertEquals(2, number(v2.get("version")));

            // the list shows the latest version; the history both
            browser.open("/admin/notifications/templates?channel=WHATSAPP&key=" + key);
            WebElement row = browser.find(By.cssSelector("#templates tr[data-key='" + key + "']"));
            assertEquals("2", row.getAttribute("data-version"));
            assertEquals(1, browser.all(By.cssSelector("#templates tr[data-key='" + key + "']")).size());
            browser.click(By.id("history-" + second));
            assertEquals(List.of("2", "1"), browser.all(By.cssSelector("#versions tbody tr")).stream()
                    .map(r -> r.getAttribute("data-version")).sorted(java.util.Comparator.reverseOrder()).toList());
            browser.screenshot("notification-template-history");

            // the same channel + key + language again: the API's 409, shown on the form
            browser.open("/admin/notifications/templates/new");
            browser.type(By.id("template-key"), key).type(By.id("template-body"), "Duplikat {{name}}");
            flashAfter(browser, () -> browser.click(By.id("save-template")));
            assertTrue(browser.find(By.id("flash")).getAttribute("class").contains("error"), browser.flash());
            assertEquals(2, number(latest(key).orElseThrow().get("version")));

            // deactivated (confirmed with the key): no more sends of it
            browser.open("/admin/notifications/templates/" + second);
            flashAfter(browser, () -> browser.clickAndConfirm(By.id("deactivate"), key));
            assertEquals("false", browser.find(By.id("template-state")).getAttribute("data-active"));
            assertEquals(false, latest(key).orElseThrow().get("active"));
        }
    }

    @Test
    void showsTheEarnedPointsAndTheirWhatsAppMessage() throws Exception {
        // a completed order earns points (commerce) and identity sends loyalty_points_earned by WhatsApp
        Scenario.Account customer = register("customer", "Rahmat Hidayat");
        String product = scenario.product("Domba Log " + UUID.randomUUID().toString().substring(0, 6), "domba",
                2_750_000, 5);
        String orderId = order(customer, product, null, null);
        pay(customer, orderId);
        for (String status : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            as(scenario.adminToken()).contentType(ContentType.JSON).body(Map.of("status", status, "note", status))
                    .post("/api/admin/orders/" + orderId + "/status").then().statusCode(200);
        }
        await("points earned", () -> number(as(customer.token()).get("/api/loyalty").then().statusCode(200)
                .extract().path("points")) > 0);
        long points = number(as(customer.token()).get("/api/loyalty").then().statusCode(200).extract().path("points"));
        // the customer's own number as an admin types it (08…); identity logs it as +62…
        String typed = "0" + customer.phone().substring(2);
        String filter = "?to=" + typed + "&template=loyalty_points_earned"; // the API's default page, as the console asks
        await("the loyalty_points_earned WhatsApp message is in the log", () -> number(as(scenario.adminToken())
                .get("/api/admin/notifications/messages" + filter).then().statusCode(200).extract().path("total")) > 0);
        List<Map<String, Object>> expected = as(scenario.adminToken())
                .get("/api/admin/notifications/messages" + filter).then().statusCode(200).extract().path("items");

        try (Browser browser = new Browser(ConsolePlatform.gateway())) {
            browser.loginAsAdmin();
            // the earning on the customer's page, linked to its order
            browser.open("/admin/loyalty/customers/" + customer.userId());
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", points).replace(',', '.'),
                    browser.text(By.id("customer-points")));
            WebElement earned = browser.find(By.cssSelector("#ledger tr[data-type='EARN']"));
            assertEquals(String.format(java.util.Locale.ROOT, "+%,d", points).replace(',', '.'),
                    earned.findElement(By.cssSelector(".points")).getText());
            assertEquals("/admin/orders/" + orderId, java.net.URI.create(earned.findElement(
                    By.cssSelector(".about a")).getAttribute("href")).getPath());

            browser.open("/admin/notifications/messages");
            browser.type(By.id("to"), typed).type(By.id("template"), "loyalty_points_earned");
            WebElement before = browser.find(By.tagName("html"));
            browser.click(By.id("filter"));
            browser.awaitReplaced(before);
            assertTrue(browser.driver().getCurrentUrl().contains("to=" + typed), browser.driver().getCurrentUrl());
            List<WebElement> rows = browser.all(By.cssSelector("#messages tbody tr"));
            assertEquals(expected.stream().map(m -> m.get("id")).toList(),
                    rows.stream().map(r -> r.getAttribute("data-id")).toList());
            for (WebElement row : rows) {
                assertEquals("+" + customer.phone(), row.findElement(By.cssSelector(".to")).getText());
                assertEquals("loyalty_points_earned", row.findElement(By.cssSelector(".template")).getText());
                assertTrue(row.findElement(By.cssSelector(".version")).getText().matches("v\\d+"));
                String status = row.getAttribute("data-status");
                assertTrue(row.findElement(By.cssSelector(".status .badge")).getAttribute("class")
                        .contains("status-" + status), status);
            }

            // by status: only that status, with its badge
            String status = String.valueOf(expected.get(0).get("status"));
            new Select(browser.find(By.id("status"))).selectByValue(status);
            before = browser.find(By.tagName("html"));
            browser.click(By.id("filter"));
            browser.awaitReplaced(before);
            assertEquals(status, browser.find(By.id("status")).getAttribute("value"));
            assertFalse(browser.all(By.cssSelector("#messages tbody tr")).isEmpty());
            assertTrue(browser.all(By.cssSelector("#messages tbody tr")).stream()
                    .allMatch(r -> status.equals(r.getAttribute("data-status"))));
            browser.screenshot("notification-message-log");
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** Does {@code action} (a form post) and reads the flash of the page it leads to, never the one before. */
    private static String flashAfter(Browser browser, Runnable action) {
        WebElement before = browser.find(By.tagName("html"));
        action.run();
        browser.awaitReplaced(before);
        return browser.flash();
    }

    private static Optional<Map<String, Object>> rewardOf(String name) {
        List<Map<String, Object>> items = as(scenario.adminToken()).get("/api/admin/loyalty/rewards?size=100")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(r -> name.equals(r.get("name"))).findFirst();
    }

    private static Map<String, Object> tiers() {
        return as(scenario.adminToken()).get("/api/admin/loyalty/tiers").then().statusCode(200).extract().path("");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tier(Map<String, Object> ladder, String code) {
        return ((List<Map<String, Object>>) ladder.get("tiers")).stream().filter(t -> code.equals(t.get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no tier " + code + " in " + ladder));
    }

    /** As the console shows it: 12500 → {@code 1.25×}. */
    private static String multiplierText(long bps) {
        return new java.math.BigDecimal(bps).movePointLeft(4).stripTrailingZeros().toPlainString() + "×";
    }

    private static Optional<Map<String, Object>> latest(String key) {
        List<Map<String, Object>> items = as(scenario.adminToken())
                .get("/api/admin/notifications/templates?channel=WHATSAPP&locale=id&key=" + key)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(t -> key.equals(t.get("key"))).findFirst();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
