package id.qutab.commerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, defect 5: an order whose coupon covers everything (total 0) is paid at placement, without a
 * provider: PAID at once, {@code commerce.order.created} then {@code commerce.order.paid}, no invoice.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class ZeroTotalOrderTest {

    @Inject
    TestDb db;

    @Inject
    ObjectMapper json;

    void assertPaidAtPlacement(UUID me, UUID product, String code, int stockBefore) throws Exception {
        String id = place(me, with(order(item(product, 1)), "couponCode", code)).then().statusCode(201)
                .body("status", equalTo("PAID")).body("total", equalTo(0))
                .extract().path("id");
        UUID orderId = UUID.fromString(id);
        assertEquals("PAID", db.one("SELECT status FROM customer_order WHERE id = ?", orderId));
        assertTrue(db.one("SELECT paid_at FROM customer_order WHERE id = ?", orderId) != null);
        assertEquals(stockBefore - 1, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        assertEquals(0, db.count("SELECT count(*) FROM payment WHERE order_id = ?", orderId), "no invoice");

        List<List<Object>> events = db.rows("""
                SELECT event_type, payload FROM outbox WHERE aggregate_id = ? AND destination = 'affiliate'
                ORDER BY seq""", orderId.toString());
        assertEquals(List.of("commerce.order.created", "commerce.order.paid"), events.stream().map(r -> r.get(0)).toList());
        JsonNode paid = json.readTree(events.get(1).get(1).toString());
        assertEquals("FREE", paid.get("paymentMethod").asText());
        assertEquals(0, paid.get("total").asLong());
        assertTrue(paid.get("paymentId").isNull());
        assertEquals(orderId.toString(), paid.get("orderId").asText());
        assertEquals(0, paid.get("lines").get(0).get("paidAmount").asLong());
        assertTrue(paid.hasNonNull("paidAt"));

        // nothing to pay: opening a payment is a clear problem, not a dead end
        as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/order-not-payable"));
        // the invoice PDF is available as for any paid order
        as(me).get("/api/orders/" + orderId + "/invoice.pdf").then().statusCode(200);
    }

    @Test
    void aHundredPercentCouponPaysTheOrderAtPlacement() throws Exception {
        UUID product = product("kambing", 3_000_000, 10);
        String code = couponCode(coupon(Map.of("discountType", "PERCENT", "discountValue", 100)));
        assertPaidAtPlacement(customer(), product, code, 10);
    }

    @Test
    void aFixedCouponAboveTheSubtotalPaysTheOrderAtPlacement() throws Exception {
        UUID product = product("domba", 2_000_000, 10);
        String code = couponCode(coupon(Map.of("discountType", "FIXED", "discountValue", 5_000_000)));
        assertPaidAtPlacement(customer(), product, code, 10);
    }
}
