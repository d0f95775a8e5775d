package id.qutab.commerce.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producer side of {@code contracts/events/commerce.reminder.due.json}, the fullest shape of the payload (a
 * birthday with a gift coupon; the QURBAN date too): what the reminder job records for a birthday with a coupon has
 * every field but {@code eidDate}, what it records for Qurban has every field but the person's and the coupon's, all
 * of the fixture's JSON types. identity-service's {@code CommerceEventContractTest} feeds the fixture to its messages.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class ReminderEventContractTest {

    @Inject
    TestDb db;

    @Inject
    Reminders reminders;

    static UUID optedIn() {
        UUID user = customer();
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.preferences-changed", user.toString(),
                EventContracts.fixture("identity.user.preferences-changed")
                        .replace("0b6f5c2e-1d3a-4c1e-9a8b-0000000000b1", user.toString()))
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        return user;
    }

    JsonNode recorded(UUID user, String kind) {
        List<JsonNode> found = db.rows("SELECT payload::text FROM outbox WHERE event_type = 'commerce.reminder.due'"
                        + " AND aggregate_id = ? AND destination = 'identity'", user.toString()).stream()
                .map(r -> EventContracts.read((String) r.get(0)))
                .filter(e -> kind.equals(e.path("kind").asText())).toList();
        assertEquals(1, found.size(), kind + " reminders for " + user + ": " + found);
        return found.get(0);
    }

    @Test
    void aBirthdayWithItsCouponAndAQurbanReminderHaveTheFixturesFieldsLessThoseThatDoNotApply() {
        UUID parent = optedIn();
        as(parent).contentType(ContentType.JSON)
                .body(Map.of("name", "Aisyah", "relation", "CHILD", "birthDate", "2018-06-10"))
                .post("/api/me/family").then().statusCode(201);
        reminders.run(LocalDate.of(2026, 6, 10));
        JsonNode birthday = recorded(parent, "BIRTHDAY");
        EventContracts.assertSameShape("commerce.reminder.due", birthday, Set.of("eidDate"));

        UUID loyal = optedIn();
        UUID orderId = placed(loyal, order(item(product("sapi", 2_000_000, 5), 1)));
        db.exec("UPDATE customer_order SET status = 'COMPLETED', paid_at = TIMESTAMP '2025-06-01 03:00' WHERE id = ?",
                orderId);
        reminders.run(LocalDate.of(2026, 5, 13)); // Eid 2026-05-27: the window opens 14 days before
        JsonNode qurban = recorded(loyal, "QURBAN");
        EventContracts.assertSameShape("commerce.reminder.due", qurban,
                Set.of("personName", "relation", "couponCode", "couponAmount"));
    }
}
