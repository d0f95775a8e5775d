package id.qutab.commerce.coupons;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.affiliate;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class CouponsTest {

    @Inject
    TestDb db;

    static io.restassured.response.ValidatableResponse validate(UUID customer, String code, long subtotal) {
        return as(customer).contentType(ContentType.JSON).body(Map.of("code", code, "subtotal", subtotal))
                .post("/api/coupons/validate").then().statusCode(200);
    }

    @Test
    void percentDiscountIsFlooredAndCappedAndMinimumPurchaseApplies() {
        UUID c = coupon(Map.of("discountType", "PERCENT", "discountValue", 7, "minPurchase", 3_000_000, "maxDiscount", 400_000));
        String code = couponCode(c);
        UUID me = UUID.randomUUID();
        validate(me, code.toLowerCase(), 3_250_001).body("valid", equalTo(true)).body("discount", equalTo(227_500));
        validate(me, code, 9_000_000).body("valid", equalTo(true)).body("discount", equalTo(400_000));
        validate(me, code, 2_999_999).body("valid", equalTo(false)).body("reason", equalTo("coupon-min-purchase"))
                .body("discount", equalTo(0));
        validate(me, "NOPE-" + UUID.randomUUID().toString().substring(0, 6), 5_000_000)
                .body("valid", equalTo(false)).body("reason", equalTo("coupon-not-found"));
        UUID fixed = coupon(Map.of("discountType", "FIXED", "discountValue", 5_000_000));
        validate(me, couponCode(fixed), 3_250_000).body("discount", equalTo(3_250_000)); // never more than the subtotal
    }

    @Test
    void validityWindowAndActiveFlagAreRespected() {
        Instant now = Instant.now();
        UUID future = coupon(Map.of("validFrom", now.plus(1, ChronoUnit.DAYS).toString()));
        UUID past = coupon(Map.of("validFrom", now.minus(3, ChronoUnit.DAYS).toString(),
                "validUntil", now.minus(1, ChronoUnit.DAYS).toString()));
        UUID current = coupon(Map.of("validFrom", now.minus(1, ChronoUnit.DAYS).toString(),
                "validUntil", now.plus(1, ChronoUnit.DAYS).toString()));
        UUID inactive = coupon(Map.of("active", false));
        UUID me = UUID.randomUUID();
        validate(me, couponCode(future), 4_000_000).body("valid", equalTo(false)).body("reason", equalTo("coupon-not-started"));
        validate(me, couponCode(past), 4_000_000).body("valid", equalTo(false)).body("reason", equalTo("coupon-expired"));
        validate(me, couponCode(current), 4_000_000).body("valid", equalTo(true)).body("discount", equalTo(100_000));
        validate(me, couponCode(inactive), 4_000_000).body("valid", equalTo(false)).body("reason", equalTo("coupon-inactive"));

        UUID product = product("kambing", 3_250_000, 5);
        place(me, with(order(item(product, 1)), "couponCode", couponCode(past))).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://qutab.id/problems/coupon-expired"));
        assertEquals(5, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
    }

    @Test
    void perCustomerLimitCountsLiveRedemptionsOnly() {
        UUID c = coupon(Map.of("perCustomerLimit", 1, "usageLimit", 10));
        String code = couponCode(c);
        UUID me = UUID.randomUUID();
        UUID product = product("kambing", 3_250_000, 10);
        UUID first = placed(me, with(order(item(product, 1)), "couponCode", code));
        validate(me, code, 3_250_000).body("valid", equalTo(false)).body("reason", equalTo("coupon-customer-limit"));
        place(me, with(order(item(product, 1)), "couponCode", code)).then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/coupon-customer-limit"));
        validate(UUID.randomUUID(), code, 3_250_000).body("valid", equalTo(true));
        // cancelling gives the usage back
        as(me).post("/api/orders/" + first + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertEquals(0, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", c)).intValue());
        validate(me, code, 3_250_000).body("valid", equalTo(true));
        placed(me, with(order(item(product, 1)), "couponCode", code));
        assertEquals(1, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", c)).intValue());
    }

    @Test
    void adminCrudValidatesCodesAndAffiliates() {
        String code = "Hemat-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "discountType", "PERCENT", "discountValue", 10,
                "maxDiscount", 500_000, "usageLimit", 100));
        String id = asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/coupons").then().statusCode(201)
                .body("code", equalTo(code.toUpperCase())).body("used", equalTo(0)).body("active", equalTo(true))
                .body("affiliateId", nullValue()).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/coupons").then().statusCode(409)
                .contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(with(body, "discountValue", 150)).put("/api/admin/coupons/" + id)
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(with(body, "discountType", "BOGUS")).post("/api/admin/coupons")
                .then().statusCode(400);
        asAdmin().contentType(ContentType.JSON).body(with(with(body, "code", "X" + code), "affiliateId", UUID.randomUUID().toString()))
                .post("/api/admin/coupons").then().statusCode(422).body("type", equalTo("https://qutab.id/problems/unknown-affiliate"));
        asAdmin().contentType(ContentType.JSON).body(with(body, "active", false)).put("/api/admin/coupons/" + id)
                .then().statusCode(200).body("active", equalTo(false));
        asAdmin().queryParam("q", code.substring(0, 9)).get("/api/admin/coupons").then().statusCode(200)
                .body("items.id", contains(id));
        as(UUID.randomUUID()).get("/api/admin/coupons").then().statusCode(403);
        asAdmin().delete("/api/admin/coupons/" + id).then().statusCode(204);
        asAdmin().get("/api/admin/coupons/" + id).then().statusCode(404);
    }

    @Test
    void affiliatesSeeTheirOwnCouponsOnly() {
        UUID affiliateUser = UUID.randomUUID();
        UUID affiliateId = affiliate(affiliateUser, "Af" + UUID.randomUUID().toString().substring(0, 5));
        UUID otherUser = UUID.randomUUID();
        UUID otherAffiliate = affiliate(otherUser, "Ot" + UUID.randomUUID().toString().substring(0, 5));
        UUID mine = coupon(Map.of("affiliateId", affiliateId.toString()));
        coupon(Map.of("affiliateId", otherAffiliate.toString()));
        given().auth().oauth2(TestJwt.affiliate(affiliateUser)).get("/api/affiliate/coupons").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(mine.toString()))
                .body("items[0].affiliateId", equalTo(affiliateId.toString()));
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get("/api/affiliate/coupons").then().statusCode(200)
                .body("total", equalTo(0));
        as(affiliateUser).get("/api/affiliate/coupons").then().statusCode(403);
    }
}
