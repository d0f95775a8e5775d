package id.qutab.affiliate.admin;

import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Commission rules and tiers: admin CRUD, the seeded defaults, and the daily tier recalculation. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class CatalogAdminTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestDb db;

    @Test
    void defaultRulesAndTiersAreSeeded() {
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/commission-rules").then().statusCode(200)
                .body("items.find { it.category == 'sapi' }.rateBps", equalTo(300))
                .body("items.find { it.category == 'kambing' }.rateBps", equalTo(500))
                .body("items.find { it.category == 'domba' }.rateBps", equalTo(500));
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/tiers").then().statusCode(200)
                .body("items.name", hasItems("Bronze", "Silver", "Gold", "Platinum"))
                .body("items[0].minSales90d", equalTo(0));
    }

    @Test
    void rulesCrud() {
        String admin = Affiliates.admin();
        String category = "uji-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String id = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"rateBps\":250}")
                .post("/api/admin/commission-rules").then().statusCode(201)
                .body("category", equalTo(category)).body("rateBps", equalTo(250)).body("active", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"category\":\"" + category + "\",\"rateBps\":100}")
                .post("/api/admin/commission-rules").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/category-taken"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"category\":\"" + category + "\",\"flatAmountPerUnit\":75000,\"active\":false}")
                .put("/api/admin/commission-rules/" + id).then().statusCode(200)
                .body("rateBps", equalTo(null)).body("flatAmountPerUnit", equalTo(75000)).body("active", equalTo(false));
        for (String bad : List.of("{\"category\":\"x\",\"rateBps\":100}", "{\"category\":\"Sapi Besar\",\"rateBps\":100}",
                "{\"category\":\"ok-cat\",\"rateBps\":10001}", "{\"category\":\"ok-cat\",\"rateBps\":-1}",
                "{\"category\":\"ok-cat\"}", "{\"category\":\"ok-cat\",\"rateBps\":100,\"flatAmountPerUnit\":5}",
                "{\"category\":\"ok-cat\",\"rateBps\":\"lots\"}")) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body(bad).post("/api/admin/commission-rules")
                    .then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(admin).delete("/api/admin/commission-rules/" + id).then().statusCode(204);
        given().auth().oauth2(admin).get("/api/admin/commission-rules/" + id).then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.approved("Bukan", "Admin").token()).get("/api/admin/commission-rules")
                .then().statusCode(403);
    }

    @Test
    void tiersPromoteAndDemoteOnTrailingNinetyDaySales() {
        String admin = Affiliates.admin();
        Affiliates.Made a = Affiliates.approved("Naik", "Tingkat");
        // 30,000,000 of confirmed sales in the last 90 days: Silver (25,000,000)
        UUID recent = sale(a, Instant.now().minus(Duration.ofDays(10)), 30_000_000);
        // older than 90 days: does not count
        sale(a, Instant.now().minus(Duration.ofDays(120)), 200_000_000);
        given().auth().oauth2(admin).post("/api/admin/jobs/tier-recalculation/run").then().statusCode(200)
                .body("job", equalTo("tier-recalculation"));
        assertEquals("Silver", tierOf(a));
        given().auth().oauth2(admin).post("/api/admin/jobs/tier-recalculation/run").then().statusCode(200)
                .body("processed", equalTo(0));
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then()
                .body("tier.name", equalTo("Silver")).body("tier.bonusBps", equalTo(50))
                .body("tier.sales90d", equalTo(30_000_000)).body("tier.next.name", equalTo("Gold"));

        // the refund takes the sale out: demoted
        Events.deliverApplied(Event.of("commerce.order.refunded", recent, Instant.now(),
                Orders.closed(recent, "Batal", Instant.now())));
        given().auth().oauth2(admin).post("/api/admin/jobs/tier-recalculation/run").then().statusCode(200);
        assertEquals("Bronze", tierOf(a));

        // a new tier between changes the ladder: everybody is re-placed at once
        String name = "Perak-" + Long.toString(System.nanoTime() % 100000, 36);
        sale(a, Instant.now().minus(Duration.ofDays(1)), 5_000_000);
        String tierId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"minSales90d\":4999999,\"bonusBps\":25}")
                .post("/api/admin/tiers").then().statusCode(201).extract().path("id");
        assertEquals(name, tierOf(a));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name.toUpperCase() + "\",\"minSales90d\":1,\"bonusBps\":25}")
                .post("/api/admin/tiers").then().statusCode(409).body("type", equalTo("https://qutab.id/problems/tier-name-taken"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"Lain\",\"minSales90d\":4999999,\"bonusBps\":25}")
                .post("/api/admin/tiers").then().statusCode(409).body("type", equalTo("https://qutab.id/problems/tier-threshold-taken"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\":\"\",\"minSales90d\":-1,\"bonusBps\":20000}")
                .post("/api/admin/tiers").then().statusCode(400).body("errors.field", hasItems("name", "minSales90d", "bonusBps"));
        given().auth().oauth2(admin).delete("/api/admin/tiers/" + tierId).then().statusCode(204);
        assertEquals("Bronze", tierOf(a));
        given().auth().oauth2(admin).get("/api/admin/tiers").then().body("items.name", org.hamcrest.Matchers.not(hasItem(name)));
    }

    private String tierOf(Affiliates.Made a) {
        return (String) db.one("SELECT t.name FROM affiliate a JOIN tier t ON t.id = a.tier_id WHERE a.id = ?", a.id());
    }

    private static UUID sale(Affiliates.Made a, Instant paidAt, long price) {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Attribution link = Attribution.link(a.code());
        Events.deliverApplied(Event.of("commerce.order.created", order, paidAt,
                Orders.created(order, "QTB-T" + order.toString().substring(0, 5), buyer, "Pembeli", price, link)));
        Events.deliverApplied(Event.of("commerce.order.paid", order, paidAt,
                Orders.paid(order, buyer, List.of(Line.of("sapi", 1, price)), 0, paidAt, link)));
        return order;
    }
}
