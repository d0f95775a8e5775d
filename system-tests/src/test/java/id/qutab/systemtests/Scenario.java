package id.qutab.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The steps system tests arrange their world with, through the gateway as a real client would (RestAssured's
 * base URI is the platform's gateway): accounts, an affiliate approved, a product, an order paid on the Zendit
 * sandbox, a verified bank account, a commission awaited. The browser tests then do the admin's part in the
 * console.
 */
public final class Scenario {

    /** {@code phone} is the number as WhatsApp addresses it: E.164 digits without '+', one per account. */
    public record Account(String email, String password, String userId, String token, String phone) {
    }

    private final String admin;

    Scenario(String adminToken) {
        this.admin = adminToken;
    }

    public static Scenario asAdmin(String email, String password) {
        return new Scenario(login(email, password));
    }

    String adminToken() {
        return admin;
    }

    public static Account register(String type, String name) {
        String email = type + "-" + UUID.randomUUID().toString().substring(0, 8) + "@qutab.system.test";
        String password = "Rahasia-2026-" + type;
        // Unique, so each account's WhatsApp conversation is its own; never ending in 9 (the sandbox fails those).
        String national = "812" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000)).substring(0, 6) + "1";
        String id = RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email, "phone", "0" + national, "password", password,
                        "accountType", type))
                .post("/api/auth/register").then().statusCode(201).extract().path("id");
        return new Account(email, password, id, login(email, password), "62" + national);
    }

    static String login(String email, String password) {
        return RestAssured.given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .post("/api/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    static RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token);
    }

    /** The affiliate's application, as the affiliate app sends it; the admin decides on it. */
    static void apply(Account affiliate) {
        as(affiliate.token()).contentType(ContentType.JSON)
                .body(Map.of("firstName", affiliate.email().substring(0, 6), "lastName", "Test",
                        "whatsapp", "081298765432", "instagram", "@qurban.test", "tiktok", "qurban.test",
                        "city", "Bogor", "reason", "Saya ingin membantu tetangga berqurban"))
                .post("/api/affiliate/application").then().statusCode(201);
    }

    /** Applies and is approved through the API; returns the code once /r/{code} answers with the cookie. */
    public String approve(Account affiliate) {
        apply(affiliate);
        String id = affiliateIdOf(affiliate);
        String code = as(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/affiliates/" + id + "/approve").then().statusCode(200).extract().path("code");
        awaitReferralCode(code);
        return code;
    }

    /** The redirect's code cache and commerce learn a code from the approval (event or refresh). */
    static void awaitReferralCode(String code) {
        await("code " + code + " redirects with a cookie", () -> RestAssured.given().redirects().follow(false)
                .get("/r/" + code).getCookie("qutab_ref") != null);
    }

    public String affiliateIdOf(Account affiliate) {
        List<Map<String, Object>> items = as(admin).get("/api/admin/affiliates?size=100&q=" + affiliate.email())
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> affiliate.userId().equals(i.get("userId"))).map(i -> (String) i.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no affiliate for user " + affiliate.userId()));
    }

    String product(String name, String category, long price, int stock) {
        return as(admin).contentType(ContentType.JSON)
                .body(Map.of("name", name, "category", category, "description", "uji sistem",
                        "price", price, "stock", stock, "active", true))
                .post("/api/admin/products").then().statusCode(201).extract().path("id");
    }

    static String order(Account buyer, String product, String referralCookie, String coupon) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "items", List.of(Map.of("productId", product, "quantity", 1, "onBehalfOf", List.of("Ahmad bin Umar"))),
                "recipient", Map.of("name", "Budi Santoso", "phone", "081234567890",
                        "location", "Masjid Al-Ikhlas, Bogor")));
        if (coupon != null) {
            body.put("couponCode", coupon);
        }
        RequestSpecification request = as(buyer.token());
        if (referralCookie != null) {
            request = request.cookie("qutab_ref", referralCookie);
        }
        return request.contentType(ContentType.JSON).body(body)
                .post("/api/orders").then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("PENDING_PAYMENT")).extract().path("id");
    }

    /** Opens the Zendit invoice and pays it on the sandbox, whose signed callback reaches commerce via the gateway. */
    static void pay(Account buyer, String order) {
        String paymentUrl = as(buyer.token()).post("/api/orders/" + order + "/payment").then().statusCode(201)
                .body("provider", org.hamcrest.Matchers.equalTo("zendit")).extract().path("paymentUrl");
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("status", "PAID"))
                .post(paymentUrl + "/simulate").then().statusCode(200);
        await("order " + order + " PAID", () -> "PAID".equals(
                as(buyer.token()).get("/api/orders/" + order).then().statusCode(200).extract().path("status")));
    }

    static Map<String, Object> awaitCommission(Account affiliate, String order, String status) {
        await("commission of " + order + " " + status,
                () -> status.equals(commission(affiliate, order).map(c -> c.get("status")).orElse(null)));
        return commission(affiliate, order).orElseThrow();
    }

    static Optional<Map<String, Object>> commission(Account affiliate, String order) {
        List<Map<String, Object>> items = as(affiliate.token()).get("/api/affiliate/commissions?size=100")
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(c -> order.equals(c.get("orderId"))).findFirst();
    }

    /** Bank account and KTP as the affiliate app sends them; returns the account id the admin sees. */
    String bankAccountWithKtp(Account affiliate, String holder) {
        await("payout account opened", () -> as(affiliate.token()).get("/api/affiliate/bank-account").statusCode() == 200);
        as(affiliate.token()).contentType(ContentType.JSON)
                .body(Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountHolder", holder,
                        "nik", "3201014501900001"))
                .put("/api/affiliate/bank-account").then().statusCode(200)
                .body("accountNumber", org.hamcrest.Matchers.equalTo("******7890"));
        as(affiliate.token()).multiPart("file", "ktp.png", ktpImage(), "image/png")
                .post("/api/affiliate/bank-account/ktp").then().statusCode(201)
                .body("ktpUploaded", org.hamcrest.Matchers.equalTo(true));
        return as(admin).get("/api/admin/bank-accounts?userId=" + affiliate.userId())
                .then().statusCode(200).extract().path("items[0].id");
    }

    static void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(condition.get())) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** A KTP-sized PNG: the vault checks the image by content and decodes it. Also fits as a distribution photo. */
    static byte[] ktpImage() {
        BufferedImage image = new BufferedImage(856, 540, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x2a6bb0));
        g.fillRect(0, 0, 856, 540);
        g.setColor(Color.WHITE);
        g.drawString("PROVINSI JAWA BARAT - NIK 3201014501900001", 40, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
