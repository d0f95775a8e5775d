package id.qutab.affiliate.portal;

import id.qutab.affiliate.support.Affiliates;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral list and the dashboard cost the same number of statements whatever the number of leads shown
 * (no query per lead). Counted with Hibernate's statistics ({@code %test} enables them); they are global, so a
 * background job may add a statement or two: the test compares 2 leads with 40, where one query per lead would
 * add 38.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PortalQueryCountTest {

    @Inject
    SessionFactory sessions;

    /** An affiliate with {@code n} leads whose names come from the buyers' accounts (not given at order time). */
    private static Affiliates.Made withLeads(String name, int n) {
        Affiliates.Made a = Affiliates.approved(name, "Hitung");
        for (int i = 0; i < n; i++) {
            UUID buyer = UUID.randomUUID();
            Events.userRegistered(buyer, "Pembeli Setia", "pembeli." + buyer + "@example.id");
            UUID order = UUID.randomUUID();
            Events.deliverApplied(Event.of("commerce.order.created", order, Instant.now(),
                    Orders.created(order, "QTB-" + i, buyer, null, 3_000_000, Attribution.link(a.code()))));
        }
        return a;
    }

    private long statements(Runnable call) {
        var stats = sessions.getStatistics();
        call.run(); // warm: first-use work (query plans, caches) is not what is measured
        long before = stats.getPrepareStatementCount();
        call.run();
        return stats.getPrepareStatementCount() - before;
    }

    @Test
    void theReferralListDoesNotQueryPerLead() {
        Affiliates.Made few = withLeads("Sedikit", 2);
        Affiliates.Made many = withLeads("Banyak", 40);
        given().auth().oauth2(many.token()).queryParam("size", 50).get("/api/affiliate/referrals").then()
                .statusCode(200).body("total", equalTo(40)).body("items[0].customerName", equalTo("Pe***** Se***"));
        long forFew = statements(() -> given().auth().oauth2(few.token()).queryParam("size", 50)
                .get("/api/affiliate/referrals").then().statusCode(200).body("total", equalTo(2)));
        long forMany = statements(() -> given().auth().oauth2(many.token()).queryParam("size", 50)
                .get("/api/affiliate/referrals").then().statusCode(200).body("total", equalTo(40)));
        assertTrue(forMany - forFew < 10, "2 leads: " + forFew + " statements, 40 leads: " + forMany);
    }

    @Test
    void theDashboardDoesNotQueryPerLead() {
        Affiliates.Made one = withLeads("Satu", 1);
        Affiliates.Made ten = withLeads("Sepuluh", 10);
        given().auth().oauth2(ten.token()).get("/api/affiliate/dashboard").then().statusCode(200)
                .body("recent.size()", equalTo(10)).body("recent[0].customerName", equalTo("Pe***** Se***"));
        long forOne = statements(() -> given().auth().oauth2(one.token()).get("/api/affiliate/dashboard")
                .then().statusCode(200));
        long forTen = statements(() -> given().auth().oauth2(ten.token()).get("/api/affiliate/dashboard")
                .then().statusCode(200));
        assertTrue(forTen - forOne < 5, "1 lead: " + forOne + " statements, 10 leads: " + forTen);
    }
}
