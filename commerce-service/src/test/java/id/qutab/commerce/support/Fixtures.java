package id.qutab.commerce.support;

import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;

/** Builds the world a test needs through the service's own API and events. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(TestJwt.admin());
    }

    public static RequestSpecification as(UUID customer) {
        return given().auth().oauth2(TestJwt.customer(customer));
    }

    public static UUID product(String category, long price, int stock) {
        return product("Test " + category + " " + UUID.randomUUID().toString().substring(0, 8), category, price, stock);
    }

    public static UUID product(String name, String category, long price, int stock) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", category);
        body.put("description", "Hewan qurban sehat untuk pengujian");
        body.put("price", price);
        body.put("weightMin", 25);
        body.put("weightMax", 30);
        body.put("stock", stock);
        body.put("active", true);
        String id = asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/products")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    /** A customer known to commerce (identity.user.registered delivered), with a mailbox address. */
    public static UUID customer(String locale) {
        UUID id = UUID.randomUUID();
        String payload = "{\"userId\":\"" + id + "\",\"name\":\"Budi Santoso\",\"email\":\"" + email(id)
                + "\",\"phone\":\"+628123456789\",\"roles\":[\"customer\"]" + (locale == null ? "" : ",\"locale\":\"" + locale + "\"") + "}";
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.registered", id.toString(), payload).then().statusCode(200);
        return id;
    }

    public static UUID customer() {
        return customer(null);
    }

    public static String email(UUID userId) {
        return "c-" + userId + "@example.test";
    }

    /** An approved affiliate (affiliate.application.approved delivered); returns its affiliate id. */
    public static UUID affiliate(UUID userId, String code) {
        UUID affiliateId = UUID.randomUUID();
        SignedEvents.deliver(UUID.randomUUID(), "affiliate.application.approved", affiliateId.toString(),
                "{\"affiliateId\":\"" + affiliateId + "\",\"userId\":\"" + userId + "\",\"code\":\"" + code + "\"}")
                .then().statusCode(200);
        return affiliateId;
    }

    public static Map<String, Object> item(UUID productId, int quantity, String... names) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", productId.toString());
        item.put("quantity", quantity);
        if (names.length > 0) {
            item.put("onBehalfOf", List.of(names));
        }
        return item;
    }

    @SafeVarargs
    public static Map<String, Object> order(Map<String, Object>... items) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", List.of(items));
        body.put("recipient", Map.of("name", "Budi Santoso", "phone", "+62 812 3456 789",
                "location", "Masjid Al-Ikhlas, Bandung", "notes", "Mohon dokumentasi"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    public static Response place(UUID customer, Object body) {
        return as(customer).contentType(ContentType.JSON).body(body).post("/api/orders");
    }

    public static UUID placed(UUID customer, Object body) {
        return UUID.fromString(place(customer, body).then().statusCode(201).extract().path("id"));
    }

    public static UUID coupon(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.putIfAbsent("code", "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase());
        body.putIfAbsent("discountType", "FIXED");
        body.putIfAbsent("discountValue", 100_000);
        String id = asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/coupons")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static String couponCode(UUID couponId) {
        return asAdmin().get("/api/admin/coupons/" + couponId).then().statusCode(200).extract().path("code");
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("timed out waiting for " + what);
        }
    }

    public static List<String> names(int n, String prefix) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(prefix + " " + i);
        }
        return names;
    }
}
