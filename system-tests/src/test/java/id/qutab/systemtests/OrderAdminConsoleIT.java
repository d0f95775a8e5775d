package id.qutab.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's order and catalogue work in the console, in a real browser: a paid order taken to COMPLETED with
 * notes and a distribution photo (seen on the page and by the customer through the API), and a product made in the
 * console form that the catalogue API then shows, while a hostile form value only brings back the API's problem.
 */
@ExtendWith(ConsolePlatform.class)
class OrderAdminConsoleIT {

    private Browser browser;
    private Scenario admin;

    @BeforeEach
    void open() {
        admin = Scenario.asAdmin(ConsolePlatform.ADMIN_EMAIL, ConsolePlatform.ADMIN_PASSWORD);
        browser = new Browser(ConsolePlatform.gateway());
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void aPaidOrderIsTakenToCompletedWithNotesAndADistributionPhoto() throws Exception {
        String name = "Domba konsol " + UUID.randomUUID().toString().substring(0, 6);
        String product = admin.product(name, "domba", 2_750_000, 3);
        Scenario.Account buyer = Scenario.register("customer", "Pembeli Konsol");
        String order = Scenario.order(buyer, product, null, null);
        Scenario.pay(buyer, order);
        String number = Scenario.as(buyer.token()).get("/api/orders/" + order).then().extract().path("number");

        browser.loginAsAdmin().open("/admin/orders");
        new Select(browser.find(By.id("status"))).selectByValue("PAID");
        submit(By.id("filter"));
        browser.await(ExpectedConditions.urlContains("status=PAID"));
        List<WebElement> rows = browser.all(By.cssSelector("#orders tbody tr"));
        assertFalse(rows.isEmpty(), "the PAID filter shows the order just paid");
        rows.forEach(r -> assertEquals("PAID", r.getAttribute("data-status"), "the filter shows only PAID orders"));
        browser.click(By.id("open-" + order));

        until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "PAID"));
        assertTrue(browser.text(By.tagName("h1")).contains(number));
        String lines = browser.text(By.id("lines"));
        assertTrue(lines.contains(name) && lines.contains("Ahmad bin Umar") && lines.contains("2.750.000"), lines);
        assertTrue(browser.text(By.id("recipient")).contains("Budi Santoso"));
        assertTrue(browser.text(By.id("payments")).contains("PAID"));
        assertNotNull(browser.find(By.id("invoice")));
        Map<String, String> session = new HashMap<>();
        browser.driver().manage().getCookies().forEach(c -> session.put(c.getName(), c.getValue()));
        byte[] pdf = RestAssured.given().cookies(session).get("/admin/orders/" + order + "/invoice.pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII),
                "the invoice comes through the console with the admin's session");

        advance("Hewan sedang disiapkan", null, "PROCESSING");
        Path photo = Files.createTempFile("distribusi-", ".png");
        byte[] png = Scenario.ktpImage();
        Files.write(photo, png);
        advance("Daging dibagikan di Masjid Al-Ikhlas", photo, "DISTRIBUTED");
        advance("Selesai, terima kasih", null, "COMPLETED");

        assertTrue(browser.flash().contains("COMPLETED"), browser.flash());
        WebElement distributed = browser.find(By.cssSelector("#tracking li[data-status=DISTRIBUTED]"));
        assertTrue(distributed.getText().contains("Daging dibagikan di Masjid Al-Ikhlas"));
        WebElement image = distributed.findElement(By.cssSelector("img"));
        browser.await(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", image));
        String photoUrl = pathOf(image.getAttribute("src"));
        assertArrayEquals(png, RestAssured.get(photoUrl).then().statusCode(200).contentType("image/png")
                .extract().asByteArray(), "the photo the customer sees is the file the admin uploaded");

        Map<String, Object> seen = Scenario.as(buyer.token()).get("/api/orders/" + order).then().statusCode(200)
                .extract().as(Map.class);
        assertEquals("COMPLETED", seen.get("status"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tracking = (List<Map<String, Object>>) seen.get("tracking");
        Map<String, String> notes = new HashMap<>();
        tracking.forEach(t -> notes.put((String) t.get("status"), (String) t.get("note")));
        assertEquals("Hewan sedang disiapkan", notes.get("PROCESSING"));
        assertEquals("Daging dibagikan di Masjid Al-Ikhlas", notes.get("DISTRIBUTED"));
        assertEquals("Selesai, terima kasih", notes.get("COMPLETED"));
        assertEquals(photoUrl, tracking.stream().filter(t -> "DISTRIBUTED".equals(t.get("status"))).findFirst()
                .orElseThrow().get("photoUrl"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView()",
                browser.find(By.id("tracking")));
        browser.screenshot("order-completed-with-photo");
    }

    @Test
    void aRefundAsksWithTheAmountAndTheCustomerSeesTheOrderRefunded() throws Exception {
        String product = admin.product("Sapi konsol " + UUID.randomUUID().toString().substring(0, 6), "sapi",
                21_500_000, 2);
        Scenario.Account buyer = Scenario.register("customer", "Pembeli Refund");
        String order = Scenario.order(buyer, product, null, null);
        Scenario.pay(buyer, order);

        browser.loginAsAdmin().open("/admin/orders/" + order);
        String total = browser.text(By.id("order-total"));
        browser.type(By.id("refund-reason"), "Hewan sakit, tidak layak qurban");
        String question = confirm(By.id("refund"), "21.500.000");
        assertTrue(question.contains(total), question + " names the order's total " + total);
        until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "REFUNDED"));
        assertTrue(browser.flash().contains("21.500.000"), browser.flash());
        assertTrue(browser.text(By.id("refund-done")).contains("Hewan sakit, tidak layak qurban"));
        assertTrue(browser.all(By.id("refund-form")).isEmpty(), "a refunded order offers no second refund");

        Scenario.as(buyer.token()).get("/api/orders/" + order).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REFUNDED"));
        Scenario.as(admin.adminToken()).get("/api/admin/orders/" + order).then().statusCode(200)
                .body("refund.amount", org.hamcrest.Matchers.equalTo(21_500_000))
                .body("refund.reason", org.hamcrest.Matchers.equalTo("Hewan sakit, tidak layak qurban"));
        browser.screenshot("order-refunded");
    }

    /** Waits for a condition on the page, reading it again when a navigation replaced the element. */
    private <T> void until(ExpectedCondition<T> condition) {
        browser.await(ExpectedConditions.refreshed(condition));
    }

    /** Clicks and waits until the next page has replaced this one (no element of the old page is read after). */
    private void submit(By button) {
        WebElement page = browser.find(By.tagName("html"));
        browser.click(button);
        browser.awaitReplaced(page);
    }

    private String confirm(By button, String expected) {
        WebElement page = browser.find(By.tagName("html"));
        String question = browser.clickAndConfirm(button, expected);
        browser.awaitReplaced(page);
        return question;
    }

    /** Fills the next-step form and waits for the order page to show the new status. */
    private void advance(String note, Path photo, String expected) {
        assertEquals(expected, browser.find(By.id("advance")).getAttribute("data-next"));
        browser.type(By.id("note"), note);
        if (photo != null) {
            browser.find(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        }
        submit(By.id("advance"));
        until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", expected));
        assertTrue(browser.flash().contains(expected), browser.flash());
    }

    /** The path of an absolute URL the browser resolved (RestAssured's base is the same gateway). */
    private static String pathOf(String absolute) {
        return java.net.URI.create(absolute).getRawPath();
    }

    @Test
    void aProductMadeInTheConsoleIsInTheCatalogueAndHostileValuesOnlyShowTheApisProblem() throws Exception {
        String name = "Kambing konsol " + UUID.randomUUID().toString().substring(0, 6);
        browser.loginAsAdmin().open("/admin/products/new");
        browser.type(By.id("name"), name);
        new Select(browser.find(By.id("category"))).selectByValue("kambing");
        browser.type(By.id("description"), "Kambing jantan sehat, dibuat dari konsol");
        browser.type(By.id("price"), "3125000");
        browser.type(By.id("stock"), "4");
        submit(By.id("save"));
        browser.await(ExpectedConditions.urlMatches("/admin/products/[0-9a-f-]{36}$"));
        assertTrue(browser.flash().contains(name), browser.flash());
        String id = browser.path().substring("/admin/products/".length());

        List<Map<String, Object>> found = RestAssured.given().queryParam("q", name).get("/api/products")
                .then().statusCode(200).extract().path("items");
        assertEquals(1, found.size(), "the public catalogue shows the new product");
        assertEquals(id, found.get(0).get("id"));
        assertEquals(3_125_000, ((Number) found.get(0).get("price")).intValue());
        assertEquals(4, ((Number) found.get(0).get("stock")).intValue());
        assertEquals("kambing", found.get(0).get("category"));

        // hostile prices on the edit form: the page shows what the API answers to the same body, nothing changes
        for (String price : List.of("abc", "-5")) {
            browser.type(By.id("price"), price);
            submit(By.id("save"));
            until(ExpectedConditions.attributeContains(By.id("flash"), "class", "error"));
            String detail = apiDetail(id, price);
            assertFalse(detail.isBlank());
            assertTrue(browser.flash().contains(detail), browser.flash() + " does not show the API's " + detail);
            assertEquals(id, browser.path().substring("/admin/products/".length()), "back on the product's page");
        }
        Map<String, Object> unchanged = RestAssured.get("/api/products/" + id).then().statusCode(200)
                .extract().as(Map.class);
        assertEquals(3_125_000, ((Number) unchanged.get("price")).intValue());

        // the same on the creation form: no product is made
        String refused = name + " tolak";
        browser.open("/admin/products/new");
        browser.type(By.id("name"), refused);
        browser.type(By.id("price"), "abc");
        browser.type(By.id("stock"), "1");
        submit(By.id("save"));
        until(ExpectedConditions.attributeContains(By.id("flash"), "class", "error"));
        assertEquals("/admin/products/new", browser.path());
        Scenario.as(admin.adminToken()).queryParam("q", refused).get("/api/admin/products")
                .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(0));
        browser.screenshot("product-created-and-hostile-refused");
    }

    @Test
    void aCouponIsAssignedToAnAffiliateAndDeactivatedAndFaqEntriesAreMaintained() throws Exception {
        Scenario.Account affiliate = Scenario.register("affiliate", "Afiliasi Kupon");
        admin.approve(affiliate);
        String affiliateId = admin.affiliateIdOf(affiliate);
        String code = "KONSOL" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        browser.loginAsAdmin().open("/admin/coupons/new");
        browser.type(By.id("code"), code);
        new Select(browser.find(By.id("discountType"))).selectByValue("FIXED");
        browser.type(By.id("discountValue"), "150000");
        browser.type(By.id("minPurchase"), "1000000");
        browser.type(By.id("usageLimit"), "50");
        browser.type(By.id("affiliateId"), affiliateId);
        submit(By.id("save"));
        browser.await(ExpectedConditions.urlMatches("/admin/coupons/[0-9a-f-]{36}$"));
        assertTrue(browser.flash().contains(code), browser.flash());
        String id = browser.path().substring("/admin/coupons/".length());
        Scenario.as(admin.adminToken()).get("/api/admin/coupons/" + id).then().statusCode(200)
                .body("code", org.hamcrest.Matchers.equalTo(code))
                .body("discountType", org.hamcrest.Matchers.equalTo("FIXED"))
                .body("discountValue", org.hamcrest.Matchers.equalTo(150_000))
                .body("minPurchase", org.hamcrest.Matchers.equalTo(1_000_000))
                .body("usageLimit", org.hamcrest.Matchers.equalTo(50))
                .body("affiliateId", org.hamcrest.Matchers.equalTo(affiliateId))
                .body("active", org.hamcrest.Matchers.equalTo(true));
        List<String> mine = Scenario.as(affiliate.token()).get("/api/affiliate/coupons").then().statusCode(200)
                .extract().path("items.code");
        assertTrue(mine.contains(code), "the affiliate sees the coupon assigned to them: " + mine);

        browser.open("/admin/coupons?q=" + code);
        confirm(By.id("deactivate-" + id), code);
        until(ExpectedConditions.attributeToBe(By.id("coupon-state"), "data-active", "false"));
        Scenario.as(admin.adminToken()).get("/api/admin/coupons/" + id).then()
                .body("active", org.hamcrest.Matchers.equalTo(false))
                .body("affiliateId", org.hamcrest.Matchers.equalTo(affiliateId));

        String question = "Kapan hewan disembelih? " + code;
        browser.open("/admin/faq/new");
        browser.type(By.id("category"), "pesanan");
        browser.type(By.id("question"), question);
        browser.type(By.id("answer"), "Pada hari raya dan hari tasyrik.");
        browser.type(By.id("sortOrder"), "5");
        submit(By.id("save"));
        browser.await(ExpectedConditions.urlMatches("/admin/faq$"));
        List<Map<String, Object>> entries = RestAssured.get("/api/faq?size=100").then().statusCode(200)
                .extract().path("items");
        Map<String, Object> entry = entries.stream().filter(e -> question.equals(e.get("question"))).findFirst()
                .orElseThrow(() -> new AssertionError("the help centre shows the new entry"));
        String faq = (String) entry.get("id");
        submit(By.id("edit-" + faq));
        browser.type(By.id("answer"), "Setelah salat Id, 10 Zulhijah.");
        submit(By.id("save"));
        browser.await(ExpectedConditions.urlMatches("/admin/faq$"));
        assertTrue(browser.text(By.cssSelector("#faq tr[data-id='" + faq + "'] .answer")).contains("Setelah salat Id"));
        confirm(By.id("delete-" + faq), question);
        browser.await(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#faq tr[data-id='" + faq + "']"), 0));
        List<String> questions = RestAssured.get("/api/faq?size=100").then().extract().path("items.question");
        assertFalse(questions.contains(question), "deleted from the help centre");

        browser.open("/admin/orders/flagged");
        assertNotNull(browser.find(By.id("flagged")));
        browser.open("/admin/products?active=false");
        assertNotNull(browser.find(By.id("products")));
        browser.open("/admin/coupons/" + id);
        browser.screenshot("coupon-deactivated-faq-maintained");
    }

    /** The problem detail the API gives for the console's body with this price (the console sends it as typed). */
    private String apiDetail(String id, String price) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "x", "category", "kambing", "description", "",
                "stock", 4, "active", true));
        body.put("price", price.matches("-?\\d+") ? (Object) Long.parseLong(price) : price);
        var answer = Scenario.as(admin.adminToken()).contentType(ContentType.JSON).body(body)
                .put("/api/admin/products/" + id).then().extract();
        assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, "API answered " + answer.statusCode());
        assertTrue(answer.contentType().startsWith("application/problem+json"));
        return answer.path("detail");
    }
}
