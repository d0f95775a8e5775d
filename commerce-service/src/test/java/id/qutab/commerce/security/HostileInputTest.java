package id.qutab.commerce.security;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Acceptance point 4: bad input of any kind is a 4xx problem, never a 500 and never a stack trace. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue()).body("detail", not(containsString("Exception")));
    }

    ValidatableResponse postOrder(UUID me, String body) {
        return as(me).contentType(ContentType.JSON).body(body).post("/api/orders").then();
    }

    @Test
    void malformedAndMistypedOrderBodiesAreBadRequests() {
        UUID me = UUID.randomUUID();
        UUID product = product("kambing", 3_250_000, 5);
        String recipient = "\"recipient\":{\"name\":\"Budi\",\"location\":\"Bandung\"}";
        problem(postOrder(me, "{\"items\": ["), 400);
        problem(postOrder(me, "[]"), 400);
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":\"two\"}]," + recipient + "}"), 400)
                .body("errors.field", hasItem("items[0].quantity"));
        problem(postOrder(me, "{\"items\":[{\"productId\":\"not-a-uuid\",\"quantity\":1}]," + recipient + "}"), 400);
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":-1}]," + recipient + "}"), 400)
                .body("errors.field", hasItem("items[0].quantity"));
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":100000}]," + recipient + "}"), 400);
        problem(postOrder(me, "{\"items\":[]," + recipient + "}"), 400).body("errors.field", hasItem("items"));
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}]}"), 400)
                .body("errors.field", hasItem("recipient"));
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1}],"
                + "\"recipient\":{\"name\":\"B\",\"location\":\"X\",\"phone\":\"call me maybe\"}}"), 400)
                .body("errors.field", hasItem("recipient.phone"));
        problem(postOrder(me, "{\"items\":[{\"productId\":\"" + product + "\",\"quantity\":1.5}]," + recipient + "}"), 400);
        problem(as(me).contentType(ContentType.TEXT).body("hello").post("/api/orders").then(), 415);
        problem(as(me).header("Idempotency-Key", "k".repeat(300)).contentType(ContentType.JSON)
                .body(order(item(product, 1))).post("/api/orders").then(), 400);
        problem(as(me).contentType(ContentType.JSON).body(with(order(item(product, 1)), "couponCode", "x".repeat(41)))
                .post("/api/orders").then(), 400);
    }

    @Test
    void badIdsEnumsAndPagesAreBadRequests() {
        UUID me = UUID.randomUUID();
        problem(as(me).get("/api/orders/not-a-uuid").then(), 400);
        problem(as(me).post("/api/orders/123/payment").then(), 400);
        problem(given().get("/api/products/%27%20OR%201=1").then(), 400);
        problem(as(me).get("/api/orders?status=LOST").then(), 400);
        problem(as(me).get("/api/orders?page=-1").then(), 400);
        problem(given().get("/api/products?size=1000").then(), 400);
        problem(given().get("/api/products?page=abc").then().statusCode(greaterThanOrEqualTo(400)), 400);
        problem(asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Unta", "category", "unta", "price", 1,
                "stock", 1)).post("/api/admin/products").then(), 400);
        problem(asAdmin().contentType(ContentType.JSON).body("{\"name\":\"X\",\"category\":\"sapi\",\"price\":\"mahal\",\"stock\":1}")
                .post("/api/admin/products").then(), 400).body("errors.field", hasItem("price"));
        problem(asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING"))
                .post("/api/admin/orders/xyz/status").then(), 400);
        problem(asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING"))
                .post("/api/admin/orders/" + UUID.randomUUID() + "/status").then(), 404);
        problem(as(me).contentType(ContentType.JSON).body(Map.of("code", "X", "subtotal", -5))
                .post("/api/coupons/validate").then(), 400);
        problem(as(me).contentType(ContentType.JSON).body(List.of(1, 2)).post("/api/coupons/validate").then(), 400);
    }

    @Test
    void oversizedBodiesAndFakeImagesAreRefused() {
        UUID me = UUID.randomUUID();
        String huge = "{\"items\":[],\"recipient\":{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}}";
        as(me).contentType(ContentType.JSON).body(huge).post("/api/orders").then().statusCode(413)
                .contentType("application/problem+json");
        UUID product = product("domba", 3_500_000, 1);
        problem(asAdmin().multiPart("file", "readme.txt", "just text, not an image".getBytes(), "text/plain")
                .post("/api/admin/products/" + product + "/image").then(), 415);
        problem(asAdmin().multiPart("file", "big.jpg", new byte[3 * 1024 * 1024], "image/jpeg")
                .post("/api/admin/products/" + product + "/image").then().statusCode(lessThan(500)), 413);
        problem(asAdmin().multiPart("other", "x.png", new byte[10], "image/png")
                .post("/api/admin/products/" + product + "/image").then(), 400);
    }
}
