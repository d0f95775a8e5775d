package id.qutab.commerce.wishlist;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class WishlistTest {

    @Inject
    TestDb db;

    @Test
    void addIsIdempotentListShowsProductDataAndRemoveWorks() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID kambing = product("kambing", 3_250_000, 5);
        UUID domba = product("domba", 3_500_000, 5);

        as(me).put("/api/wishlist/" + kambing).then().statusCode(204);
        as(me).put("/api/wishlist/" + kambing).then().statusCode(204);
        as(me).put("/api/wishlist/" + domba).then().statusCode(204);
        assertEquals(2, db.count("SELECT count(*) FROM wishlist_item WHERE user_id = ?", me));

        as(me).get("/api/wishlist").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(domba.toString(), kambing.toString()))
                .body("items[1].price", equalTo(3_250_000))
                .body("items[1].category", equalTo("kambing"));
        as(other).get("/api/wishlist").then().statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));

        as(me).delete("/api/wishlist/" + kambing).then().statusCode(204);
        as(me).delete("/api/wishlist/" + kambing).then().statusCode(204);
        as(me).get("/api/wishlist").then().body("items.id", contains(domba.toString()));

        // a deleted product leaves every wishlist
        asAdmin().delete("/api/admin/products/" + domba).then().statusCode(204);
        as(me).get("/api/wishlist").then().body("total", equalTo(0));
    }

    @Test
    void unknownProductsAndAnonymousCallersAreRefused() {
        as(UUID.randomUUID()).put("/api/wishlist/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        as(UUID.randomUUID()).put("/api/wishlist/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/wishlist").then().statusCode(401).contentType("application/problem+json");
    }
}
