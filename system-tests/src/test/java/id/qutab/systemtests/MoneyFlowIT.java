package id.qutab.systemtests;

import id.qutab.launcher.Platform;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.systemtests.Scenario.as;
import static id.qutab.systemtests.Scenario.await;
import static id.qutab.systemtests.Scenario.awaitCommission;
import static id.qutab.systemtests.Scenario.commission;
import static id.qutab.systemtests.Scenario.ktpImage;
import static id.qutab.systemtests.Scenario.order;
import static id.qutab.systemtests.Scenario.pay;
import static id.qutab.systemtests.Scenario.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The money path through the gateway with every service running and real events between them:
 * affiliate applies and is approved, the referral link sets the cookie, a customer orders with it and pays on
 * the Zendit sandbox, the commission is PENDING with the exact amount, completion plus hold-days 0 makes it
 * AVAILABLE; a refunded order voids its commission; an affiliate's coupon beats another's link; a
 * self-referral earns nothing; then bank account, KTP, verification, payout, approval, payment: commissions
 * PAID on the affiliate side and {@code paidOut} equals their sum.
 */
class MoneyFlowIT {

    private static final String ADMIN_EMAIL = "admin@qutab.system.test";
    private static final String ADMIN_PASSWORD = "System-test-admin-2026";
    private static final long PRICE = 3_250_000;
    /** kambing: 500 bps in the seeded commission rules, Bronze tier: no bonus. */
    private static final int KAMBING_BPS = 500;

    private static Platform platform;
    private static Path data;
    private static String admin;
    private static Scenario scenario;

    @BeforeAll
    static void start() throws IOException {
        data = SystemTestSupport.newDataDir("money-flow");
        platform = Platform.start(SystemTestSupport.options(data)
                .env("QUTAB_ADMIN_EMAIL", ADMIN_EMAIL)
                .env("QUTAB_ADMIN_PASSWORD", ADMIN_PASSWORD)
                .env("QUTAB_COMMISSION_HOLD_DAYS", "0")
                .env("QUTAB_GATEWAY_RATE_LIMIT_AUTH_CAPACITY", "1000")
                .build());
        RestAssured.baseURI = platform.gatewayUrl().orElseThrow().toString();
        RestAssured.port = platform.gatewayUrl().orElseThrow().getPort();
        scenario = Scenario.asAdmin(ADMIN_EMAIL, ADMIN_PASSWORD);
        admin = scenario.adminToken();
    }

    @AfterAll
    static void stop() throws IOException {
        if (platform != null) {
            platform.close();
        }
        RestAssured.reset();
        SystemTestSupport.deleteDataDir(data);
    }

    @Test
    void fromReferralClickToPaidOutCommission() throws IOException {
        // --- identity through the gateway: register, log in, /api/me ---------------------------------------
        Scenario.Account customer = register("customer", "Budi Santoso");
        as(customer.token()).get("/api/me").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(customer.email()))
                .body("roles", org.hamcrest.Matchers.contains("customer"));

        // --- two affiliates apply, the admin approves them ------------------------------------------------
        Scenario.Account siti = register("affiliate", "Siti Aminah");
        String sitiCode = scenario.approve(siti);
        Scenario.Account andi = register("affiliate", "Andi Wijaya");
        String andiCode = scenario.approve(andi);
        assertTrue(sitiCode.matches("[A-Za-z0-9]{7}"), sitiCode);

        // --- the referral link: 302 to the landing page with the attribution cookie -----------------------
        Response click = RestAssured.given().redirects().follow(false).get("/r/" + sitiCode);
        assertEquals(302, click.statusCode());
        String cookie = click.getCookie("qutab_ref");
        assertTrue(cookie != null && cookie.startsWith(sitiCode + "~"), "cookie " + cookie);
        assertTrue(click.getHeader("Set-Cookie").contains("HttpOnly"));

        String product = as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", "Kambing Sistem Test", "category", "kambing", "description", "uji sistem",
                        "price", PRICE, "stock", 50, "active", true))
                .post("/api/admin/products").then().statusCode(201).extract().path("id");

        // --- order with the cookie, pay on the sandbox → PENDING commission of exactly 5 % ----------------
        String first = order(customer, product, cookie, null);
        pay(customer, first);
        Map<String, Object> pending = awaitCommission(siti, first, "PENDING");
        assertEquals(PRICE * KAMBING_BPS / 10_000, ((Number) pending.get("amount")).longValue());
        assertEquals(KAMBING_BPS, ((Number) pending.get("rateBps")).intValue());
        byte[] invoice = as(customer.token()).get("/api/orders/" + first + "/invoice.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(invoice, 0, 4));

        // --- the admin completes the order; hold-days 0 → the maturation job makes it AVAILABLE ------------
        for (String status : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            as(admin).contentType(ContentType.JSON).body(Map.of("status", status, "note", "tahap " + status))
                    .post("/api/admin/orders/" + first + "/status").then().statusCode(200);
        }
        await("commission available", () -> {
            as(admin).post("/api/admin/jobs/commission-maturation/run").then().statusCode(200);
            return "AVAILABLE".equals(commission(siti, first).map(c -> c.get("status")).orElse(null));
        });

        // --- the completed order earned loyalty points: 1 per Rp 10 000 paid, Bronze ×1 ----------------------
        long points = PRICE / 10_000;
        await("points earned", () -> ((Number) as(customer.token()).get("/api/loyalty").then().statusCode(200)
                .extract().path("points")).longValue() == points);
        as(customer.token()).get("/api/loyalty").then().statusCode(200)
                .body("tier.code", org.hamcrest.Matchers.equalTo("BRONZE"));
        List<Map<String, Object>> history = as(customer.token()).get("/api/loyalty/history").then().statusCode(200)
                .extract().path("items");
        assertEquals(1, history.size(), "one EARN entry: " + history);
        assertEquals("EARN", history.get(0).get("type"));
        assertEquals(first, history.get(0).get("orderId"));

        // --- and WhatsApp told the customer and the affiliate, through the sandbox -------------------------
        String orderNumber = as(customer.token()).get("/api/orders/" + first).then().extract().path("number");
        Map<String, List<String>> customerMessages = awaitWhatsApp(customer,
                List.of("order_paid", "order_distributed", "loyalty_points_earned"));
        assertTrue(customerMessages.get("order_paid").contains(orderNumber), "order_paid " + customerMessages);
        assertTrue(customerMessages.get("loyalty_points_earned").contains(String.valueOf(points)),
                "points message " + customerMessages);
        // the sandbox's signed status webhook reached identity through the gateway: the admin's log says DELIVERED
        await("order_paid DELIVERED in the message log", () -> {
            List<Map<String, Object>> log = as(admin)
                    .get("/api/admin/notifications/messages?template=order_paid&to=" + customer.phone())
                    .then().statusCode(200).extract().path("items");
            return log.size() == 1 && "DELIVERED".equals(log.get(0).get("status"))
                    && "WHATSAPP".equals(log.get(0).get("channel"));
        });
        Map<String, List<String>> sitiMessages = awaitWhatsApp(siti, List.of("affiliate_approved"));
        assertTrue(sitiMessages.get("affiliate_approved").contains(sitiCode), "approval " + sitiMessages);

        // --- a second order, paid then refunded → its commission is VOIDED --------------------------------
        String second = order(customer, product, cookie, null);
        pay(customer, second);
        awaitCommission(siti, second, "PENDING");
        as(admin).contentType(ContentType.JSON).body(Map.of("reason", "hewan tidak tersedia"))
                .post("/api/admin/orders/" + second + "/refund").then().statusCode(200);
        awaitCommission(siti, second, "VOIDED");

        // --- Andi's coupon beats Siti's link ---------------------------------------------------------------
        String andiAffiliateId = scenario.affiliateIdOf(andi);
        await("commerce knows Andi", () -> as(admin).contentType(ContentType.JSON)
                .body(Map.of("code", "ANDI10", "discountType", "PERCENT", "discountValue", 10,
                        "affiliateId", andiAffiliateId, "active", true))
                .post("/api/admin/coupons").statusCode() == 201);
        String third = order(customer, product, cookie, "ANDI10");
        pay(customer, third);
        Map<String, Object> andis = awaitCommission(andi, third, "PENDING");
        assertEquals((PRICE - PRICE / 10) * KAMBING_BPS / 10_000, ((Number) andis.get("amount")).longValue());
        assertTrue(commission(siti, third).isEmpty(), "the link owner earns nothing on a coupon order");

        // --- Siti buying through her own link earns nothing and is flagged -----------------------------------
        String own = order(siti, product, cookie, null);
        pay(siti, own);
        await("self-referral flagged", () -> as(admin).get("/api/admin/affiliates/self-referrals?size=100")
                .then().statusCode(200).extract().<List<String>>path("items.orderId").contains(own));
        assertTrue(commission(siti, own).isEmpty(), "no commission on a self-referral");

        // --- payout: bank account, KTP, verification, request, approval, payment ----------------------------
        await("payout account opened", () -> as(siti.token()).get("/api/affiliate/bank-account").statusCode() == 200);
        as(siti.token()).contentType(ContentType.JSON)
                .body(Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountHolder", "Siti Aminah",
                        "nik", "3201014501900001"))
                .put("/api/affiliate/bank-account").then().statusCode(200)
                .body("accountNumber", org.hamcrest.Matchers.equalTo("******7890"));
        as(siti.token()).multiPart("file", "ktp.png", ktpImage(), "image/png")
                .post("/api/affiliate/bank-account/ktp").then().statusCode(201)
                .body("ktpUploaded", org.hamcrest.Matchers.equalTo(true));
        String account = as(admin).get("/api/admin/bank-accounts?userId=" + siti.userId())
                .then().statusCode(200).extract().path("items[0].id");
        as(admin).post("/api/admin/bank-accounts/" + account + "/verify").then().statusCode(200);

        long earned = PRICE * KAMBING_BPS / 10_000;
        await("balance available", () -> ((Number) as(siti.token()).get("/api/affiliate/balance")
                .then().statusCode(200).extract().path("available")).longValue() == earned);
        String payout = as(siti.token()).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("amount", earned)).post("/api/affiliate/payouts")
                .then().statusCode(201).body("status", org.hamcrest.Matchers.equalTo("REQUESTED"))
                .extract().path("id");
        as(admin).post("/api/admin/payouts/" + payout + "/approve").then().statusCode(200);
        as(admin).contentType(ContentType.JSON).body(Map.of("transferReference", "BCA-TRF-000123"))
                .post("/api/admin/payouts/" + payout + "/mark-paid").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PAID"));

        awaitCommission(siti, first, "PAID");
        Map<String, Object> balance = as(siti.token()).get("/api/affiliate/balance").then().statusCode(200)
                .extract().path("");
        assertEquals(Map.of("pending", 0, "available", 0, "reserved", 0, "paidOut", (int) earned), balance);
        awaitWhatsApp(siti, List.of("payout_paid"));
        byte[] statement = as(siti.token()).get("/api/affiliate/payouts/" + payout + "/statement.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF", new String(statement, 0, 4));
    }

    /**
     * Waits until the WhatsApp sandbox holds each of {@code templates} for the account's number, delivered, exactly
     * once each (a duplicate means a redelivered event was messaged twice); returns each template's parameters.
     */
    private static Map<String, List<String>> awaitWhatsApp(Scenario.Account account, List<String> templates) {
        String sandbox = platform.app("whatsapp").orElseThrow().url().toString();
        Map<String, List<String>> found = new java.util.HashMap<>();
        await("WhatsApp " + templates + " to " + account.email(), () -> {
            List<Map<String, Object>> messages = RestAssured.given().baseUri(sandbox).port(-1)
                    .get("/api/messages?to=" + account.phone()).then().statusCode(200).extract().path("");
            found.clear();
            for (Map<String, Object> m : messages) {
                if (templates.contains(m.get("template")) && "delivered".equals(m.get("status"))) {
                    @SuppressWarnings("unchecked")
                    List<String> parameters = (List<String>) m.get("parameters");
                    assertTrue(found.put((String) m.get("template"), parameters) == null,
                            "sent twice: " + m.get("template"));
                }
            }
            return found.keySet().containsAll(templates);
        });
        return found;
    }
}
