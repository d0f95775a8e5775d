package id.qutab.commerce.loyalty;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Admins read a customer's account and correct it with a reason; the entry names the admin. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class AdminLoyaltyTest {

    @Inject
    TestDb db;

    static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
    }

    ValidatableResponse adjust(UUID user, String body) {
        return asAdmin().contentType(ContentType.JSON).body(body)
                .post("/api/admin/loyalty/customers/" + user + "/adjust").then();
    }

    @Test
    void onlyAdminsReadAndAdjustAndOnlyTheCustomerReadsTheirOwn() {
        UUID me = customer();
        String path = "/api/admin/loyalty/customers/" + me;
        String body = "{\"points\":100,\"reason\":\"Kompensasi keterlambatan\"}";
        problem(given().contentType(ContentType.JSON).body(body).post(path + "/adjust").then(), 401);
        problem(as(me).contentType(ContentType.JSON).body(body).post(path + "/adjust").then(), 403);
        problem(given().auth().oauth2(TestJwt.affiliate(me)).contentType(ContentType.JSON).body(body)
                .post(path + "/adjust").then(), 403);
        problem(as(me).get(path).then(), 403);
        given().get(path).then().statusCode(401);
        given().get("/api/loyalty").then().statusCode(401);
        given().get("/api/loyalty/history").then().statusCode(401);
        assertEquals(0, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ?", me));
    }

    @Test
    void anAdjustmentIsAnAuditedEntry() {
        UUID me = customer();
        UUID admin = UUID.randomUUID();
        String path = "/api/admin/loyalty/customers/" + me;
        String entryId = given().auth().oauth2(TestJwt.token(admin, "admin")).contentType(ContentType.JSON)
                // an actorId in the body is not the caller's to choose: the audit row names the token's subject
                .body("{\"points\":150,\"reason\":\"  Kompensasi keterlambatan  \",\"actorId\":\"" + UUID.randomUUID() + "\"}")
                .post(path + "/adjust")
                .then().statusCode(201).body("points", equalTo(150)).body("balanceAfter", equalTo(150))
                .body("entryId", notNullValue()).extract().path("entryId");
        adjust(me, "{\"points\":-200,\"reason\":\"Koreksi\"}").statusCode(201).body("balanceAfter", equalTo(-50));
        assertEquals(List.of("ADJUST", 150L, "Kompensasi keterlambatan", admin),
                db.rows("SELECT type, points, reason, actor_id FROM loyalty_entry WHERE id = ?", UUID.fromString(entryId)).get(0));
        assertEquals(2, db.count("SELECT count(*) FROM outbox WHERE event_type = 'commerce.loyalty.adjusted' AND aggregate_id = ?",
                me.toString()));

        asAdmin().get(path + "?size=1").then().statusCode(200)
                .body("userId", equalTo(me.toString())).body("points", equalTo(-50))
                .body("tier.code", equalTo("BRONZE")).body("tier.multiplierBps", equalTo(10000))
                .body("spend12Months", equalTo(0)).body("expiring", hasSize(0))
                .body("entries.total", equalTo(2)).body("entries.size", equalTo(1))
                .body("entries.items[0].type", equalTo("ADJUST")).body("entries.items[0].points", equalTo(-200))
                .body("entries.items[0].reason", equalTo("Koreksi")).body("entries.items[0].actorId", notNullValue());
        asAdmin().get(path + "?page=1&size=1").then().statusCode(200)
                .body("entries.items[0].id", equalTo(entryId))
                .body("entries.items[0].actorId", equalTo(admin.toString()));
        // the customer sees the reason but not which admin
        as(me).get("/api/loyalty/history").then().statusCode(200).body("total", equalTo(2))
                .body("items.points", contains(-200, 150)).body("items.reason", contains("Koreksi", "Kompensasi keterlambatan"))
                .body("items[1].actorId", nullValue()).body("items[1].id", equalTo(entryId));
        problem(as(me).get("/api/loyalty/history?size=1000").then(), 400);
        problem(as(me).get("/api/loyalty/history?page=-1").then(), 400);
    }

    @Test
    void hostileAdjustmentsAreProblems() {
        UUID me = customer();
        problem(adjust(me, "{\"reason\":\"x\"}"), 400).body("errors.field", hasItem(containsString("points")));
        problem(adjust(me, "{\"points\":10}"), 400).body("errors.field", hasItem(containsString("reason")));
        problem(adjust(me, "{\"points\":10,\"reason\":\"   \"}"), 400);
        problem(adjust(me, "{\"points\":0,\"reason\":\"nol\"}"), 400).body("errors.field", hasItem("points"));
        problem(adjust(me, "{\"points\":1000001,\"reason\":\"banyak\"}"), 400);
        problem(adjust(me, "{\"points\":-1000001,\"reason\":\"banyak\"}"), 400);
        problem(adjust(me, "{\"points\":99999999999999999999999999,\"reason\":\"x\"}"), 400);
        problem(adjust(me, "{\"points\":1e30,\"reason\":\"x\"}"), 400);
        problem(adjust(me, "{\"points\":1.5,\"reason\":\"x\"}"), 400);
        problem(adjust(me, "{\"points\":\"ten\",\"reason\":\"x\"}"), 400);
        problem(adjust(me, "{\"points\":10,\"reason\":[\"x\"]}"), 400);
        problem(adjust(me, "{\"points\":10,\"reason\":\"a\\u0000b\"}"), 400);
        problem(adjust(me, "{\"points\":10,\"reason\":\"" + "x".repeat(501) + "\"}"), 400);
        problem(adjust(me, "{\"points\":1,\"points\":1000000,\"reason\":\"x\"}"), 400);
        problem(adjust(me, "{\"points\":10,"), 400);
        problem(adjust(me, "null"), 400);
        problem(asAdmin().contentType(ContentType.JSON).body(Map.of("points", 1, "reason", "x"))
                .post("/api/admin/loyalty/customers/not-a-uuid/adjust").then(), 400);
        UUID stranger = UUID.randomUUID();
        problem(adjust(stranger, "{\"points\":10,\"reason\":\"x\"}"), 404);
        assertEquals(0, db.count("SELECT count(*) FROM loyalty_account WHERE user_id = ?", stranger));
        assertEquals(0, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ?", me));
        adjust(me, "{\"points\":1000000,\"reason\":\"" + "x".repeat(500) + "\"}").statusCode(201);
    }
}
