package id.qutab.commerce.customers;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The projections commerce keeps from identity's and affiliate's events, applied once per event. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class ConsumedEventsTest {

    /** Over JDBC, not injected: {@code ConsumedEventsIT} runs these tests against the packaged app. */
    final TestDb db = TestDb.ofAppUnderTest();

    @Test
    void registeredUsersBecomeCustomersAndDeletedOnesAreAnonymized() {
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = "{\"userId\":\"" + user + "\",\"name\":\"Siti Aminah\",\"email\":\"siti@example.test\","
                + "\"phone\":\"+62811\",\"roles\":[\"customer\"],\"locale\":\"en-US\",\"futureField\":1}";
        SignedEvents.deliver(eventId, "identity.user.registered", user.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(eventId, "identity.user.registered", user.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        assertEquals(List.of("Siti Aminah", "siti@example.test", "en"),
                db.rows("SELECT name, email, locale FROM customer WHERE id = ?", user).get(0));

        UUID product = product("kambing", 3_250_000, 5);
        UUID orderId = placed(user, order(item(product, 1)));
        as(user).put("/api/wishlist/" + product).then().statusCode(204);

        SignedEvents.deliver(UUID.randomUUID(), "identity.user.deleted", user.toString(), "{\"userId\":\"" + user + "\"}")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        List<Object> row = db.rows("SELECT name, email, phone, deleted_at FROM customer WHERE id = ?", user).get(0);
        assertNull(row.get(0));
        assertNull(row.get(1));
        assertNull(row.get(2));
        assertNotNull(row.get(3));
        assertEquals(0, db.count("SELECT count(*) FROM wishlist_item WHERE user_id = ?", user));
        List<Object> orderRow = db.rows("SELECT recipient_name, recipient_phone, recipient_notes, status FROM customer_order WHERE id = ?",
                orderId).get(0);
        assertEquals(Arrays.asList(CustomerDirectory.ANONYMIZED, null, null, "PENDING_PAYMENT"), orderRow);
        // a late re-registration event does not bring the data back
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.registered", user.toString(), payload).then().statusCode(200);
        assertNull(db.one("SELECT email FROM customer WHERE id = ?", user));
    }

    @Test
    void approvedAffiliatesAreKnownByCode() {
        UUID affiliateId = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        SignedEvents.deliver(UUID.randomUUID(), "affiliate.application.approved", affiliateId.toString(),
                "{\"affiliateId\":\"" + affiliateId + "\",\"userId\":\"" + user + "\",\"code\":\"XK7mP2q\"}")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertEquals(List.of(affiliateId, user), db.rows("SELECT affiliate_id, user_id FROM affiliate_code WHERE code = 'XK7mP2q'").get(0));
        SignedEvents.deliver(UUID.randomUUID(), "affiliate.application.approved", affiliateId.toString(),
                "{\"affiliateId\":\"" + affiliateId + "\"}").then().statusCode(200);
        assertEquals(1, db.count("SELECT count(*) FROM affiliate_code WHERE affiliate_id = ?", affiliateId));
    }
}
