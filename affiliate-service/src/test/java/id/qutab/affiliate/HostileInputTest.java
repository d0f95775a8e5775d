package id.qutab.affiliate;

import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bad input of any kind: a 4xx problem+json, never a 500, never a stack trace, never a partial effect. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestDb db;

    @Test
    void malformedBodiesAndWrongTypes() {
        UUID user = UUID.randomUUID();
        String token = TestJwt.affiliate(user);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\": \"A\",")
                .post("/api/affiliate/application").then().statusCode(400).contentType(PROBLEM)
                .body(not(containsString("jackson"))).body(not(containsString("Exception")));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("[1,2]")
                .post("/api/affiliate/application").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":{\"a\":1}}")
                .post("/api/affiliate/application").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.TEXT).body("hello")
                .post("/api/affiliate/application").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"" + "x".repeat(4_000_000) + "\"}")
                .post("/api/affiliate/application").then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"firstName\":\"A\",\"lastName\":\"B\","
                        + "\"whatsapp\":\"081234567890\",\"city\":\"C\",\"reason\":\"" + "r".repeat(1001) + "\"}")
                .post("/api/affiliate/application").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("null")
                .post("/api/affiliate/application").then().statusCode(400).contentType(PROBLEM);
        assertEquals(0, db.count("SELECT count(*) FROM affiliate WHERE user_id = ?", user));
    }

    @Test
    void badIdsQueryValuesAndJobs() {
        String admin = Affiliates.admin();
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}").post("/api/admin/affiliates/123/approve")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).post("/api/admin/affiliates/" + UUID.randomUUID() + "/reject")
                .then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/affiliates/" + UUID.randomUUID() + "/approve").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"code\":12345}")
                .post("/api/admin/affiliates/" + UUID.randomUUID() + "/approve").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("page", "abc").get("/api/admin/affiliates").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(admin).queryParam("q", "x".repeat(101)).get("/api/admin/affiliates").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("q", "'; DROP TABLE affiliate; --").get("/api/admin/affiliates")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(admin).queryParam("affiliateId", "nope").get("/api/admin/affiliates/self-referrals")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(admin).post("/api/admin/jobs/world-domination/run").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin).queryParam("day", "yesterday").post("/api/admin/jobs/stats-aggregation/run")
                .then().statusCode(400).body("errors[0].field", equalTo("day"));
        given().auth().oauth2(admin).queryParam("day", "2999-01-01").post("/api/admin/jobs/stats-aggregation/run")
                .then().statusCode(400);
        given().auth().oauth2(admin).queryParam("day", "2026-01-01").post("/api/admin/jobs/click-cleanup/run")
                .then().statusCode(400);
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).post("/api/admin/jobs/click-cleanup/run")
                .then().statusCode(403).contentType(PROBLEM);
        given().post("/api/admin/jobs/click-cleanup/run").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void eventsAreSignedAndToleratedWhenOdd() {
        // unsigned: refused, no effect
        given().contentType(ContentType.JSON).body(SignedEvents.envelope(UUID.randomUUID(), "commerce.order.paid", "x", "{}"))
                .post("/internal/events").then().statusCode(401).contentType(PROBLEM);
        // signed but naming no order, or with garbage fields: remembered and ignored, never a 500
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.paid", "not-an-order", "{\"lines\":\"many\"}")
                .then().statusCode(200);
        UUID order = UUID.randomUUID();
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.paid", order.toString(),
                        "{\"orderId\":\"" + order + "\",\"userId\":\"nope\",\"lines\":[{\"quantity\":\"x\",\"lineTotal\":null}],"
                                + "\"discount\":\"free\",\"paidAt\":\"yesterday\",\"attribution\":{\"referralCode\":\"<script>\"}}")
                .then().statusCode(200);
        assertEquals("NONE", db.one("SELECT outcome FROM tracked_order WHERE order_id = ?", order));
        SignedEvents.deliver(UUID.randomUUID(), "payout.payout.paid", "p", "{\"payoutId\":\"" + UUID.randomUUID()
                + "\",\"commissionIds\":[\"bad\", 7]}").then().statusCode(200);
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.registered", "u", "{\"userId\":12}").then().statusCode(200);
    }
}
