package id.qutab.commerce.security;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Acceptance point 3: someone else's order, payment or invoice does not exist for you. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OwnershipTest {

    @Test
    void anotherCustomersOrderPaymentAndInvoiceAreNotFound() {
        UUID owner = customer();
        UUID stranger = customer();
        UUID product = product("kambing", 3_250_000, 5);
        UUID orderId = placed(owner, order(item(product, 1)));
        Pay.paid(owner, orderId);

        for (String path : new String[]{"/api/orders/" + orderId, "/api/orders/" + orderId + "/payment",
                "/api/orders/" + orderId + "/invoice.pdf"}) {
            as(stranger).get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", not(containsString(owner.toString())));
            as(owner).get(path).then().statusCode(200);
        }
        as(stranger).post("/api/orders/" + orderId + "/payment").then().statusCode(404);
        as(stranger).post("/api/orders/" + orderId + "/cancel").then().statusCode(404);
        as(stranger).get("/api/orders").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(TestJwt.affiliate(stranger)).get("/api/orders/" + orderId).then().statusCode(404);
        asAdmin().get("/api/orders/" + orderId + "/invoice.pdf").then().statusCode(200);
    }

    @Test
    void adminEndpointsNeedTheAdminRoleAndEverythingPrivateNeedsAToken() {
        UUID customer = UUID.randomUUID();
        for (String path : new String[]{"/api/admin/orders", "/api/admin/products", "/api/admin/coupons", "/api/admin/faq"}) {
            as(customer).get(path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        as(customer).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/admin/orders/" + UUID.randomUUID() + "/refund").then().statusCode(403);
        given().get("/api/orders").then().statusCode(401);
        given().auth().oauth2(TestJwt.signedByForeignKey(customer, "customer")).get("/api/orders").then().statusCode(401);
        given().auth().oauth2(TestJwt.expired(customer, "customer")).get("/api/orders").then().statusCode(401);
        // admins are not buyers
        asAdmin().get("/api/orders").then().statusCode(403);
    }
}
