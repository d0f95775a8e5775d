package id.qutab.commerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.affiliate;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static id.qutab.testing.EventContracts.assertSameShape;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producer side of {@code contracts/events/commerce.order.*.json}: the {@code commerce.order.*} payloads this
 * service really records in its outbox (an order placed with a link and a coupon, paid, completed, refunded; another
 * cancelled) have exactly the fields of the fixtures, of the same JSON types (platform/testing {@code EventContracts}). affiliate-service's
 * {@code OrderEventContractTest} runs the same fixtures through its consumer.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OrderEventContractTest {

    @Inject
    TestDb db;

    @Inject
    ObjectMapper json;

    @Test
    void theRecordedOrderEventsHaveExactlyTheFieldsOfTheContractFixtures() throws Exception {
        UUID me = customer();
        UUID sapi = product("sapi", 24_000_000, 5);
        UUID kambing = product("kambing", 3_000_000, 5);
        String code = "Ct" + UUID.randomUUID().toString().substring(0, 6);
        affiliate(UUID.randomUUID(), code);
        String couponCode = couponCode(coupon(Map.of("discountValue", 1_200_000)));
        UUID id = placed(me, with(with(order(item(sapi, 1), item(kambing, 2)), "referralCode", code),
                "couponCode", couponCode));
        Pay.paid(me, id);
        for (String s : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("status", s)).post("/api/admin/orders/" + id + "/status")
                    .then().statusCode(200);
        }
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "Hewan sakit"))
                .post("/api/admin/orders/" + id + "/refund").then().statusCode(200);
        UUID cancelled = placed(me, with(order(item(kambing, 1)), "referralCode", code));
        as(me).contentType(ContentType.JSON).body(Map.of("reason", "Salah pilih")).post("/api/orders/" + cancelled + "/cancel")
                .then().statusCode(200);

        assertSameShape("commerce.order.created", recorded("commerce.order.created", id));
        assertSameShape("commerce.order.paid", recorded("commerce.order.paid", id));
        assertSameShape("commerce.order.completed", recorded("commerce.order.completed", id));
        assertSameShape("commerce.order.closed", recorded("commerce.order.refunded", id));
        assertSameShape("commerce.order.closed", recorded("commerce.order.cancelled", cancelled));
    }

    private JsonNode recorded(String type, UUID orderId) throws Exception {
        List<List<Object>> rows = db.rows("SELECT payload::text FROM outbox WHERE event_type = ? AND aggregate_id = ?"
                + " AND destination = 'affiliate'", type, orderId.toString());
        assertEquals(1, rows.size(), type + " rows for " + orderId);
        return json.readTree((String) rows.get(0).get(0));
    }
}
