package id.qutab.commerce.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static id.qutab.commerce.loyalty.LoyaltyFixtures.completedOrder;
import static id.qutab.commerce.support.Fixtures.customer;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producer side of {@code contracts/events/commerce.loyalty.json}: the {@code commerce.loyalty.earned} payload
 * recorded for identity when a completed order earns points has exactly the fixture's fields, of its JSON types.
 * identity-service's {@code CommerceEventContractTest} feeds the same fixture to its WhatsApp messages.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class LoyaltyEventContractTest {

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    @Test
    void theRecordedEarnedEventHasExactlyTheFieldsOfTheContractFixture() {
        UUID me = customer();
        UUID orderId = completedOrder(me, 3_250_000);
        relay.newWorker().drain(Duration.ofSeconds(20)); // delivers commerce.order.completed to commerce itself

        List<List<Object>> rows = db.rows("SELECT payload::text FROM outbox WHERE event_type = 'commerce.loyalty.earned'"
                + " AND aggregate_id = ? AND destination = 'identity'", me.toString());
        assertEquals(1, rows.size(), "earned events for " + me);
        JsonNode earned = EventContracts.read((String) rows.get(0).get(0));
        EventContracts.assertSameShape("commerce.loyalty", earned);
        assertEquals(orderId.toString(), earned.get("orderId").asText());
        assertEquals(325, earned.get("points").asLong());
    }
}
