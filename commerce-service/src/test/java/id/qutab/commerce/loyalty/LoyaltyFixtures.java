package id.qutab.commerce.loyalty;

import id.qutab.commerce.support.Pay;
import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;

/** Orders taken through the real API (placed, paid on the sandbox, moved on by an admin). */
final class LoyaltyFixtures {

    private LoyaltyFixtures() {
    }

    static UUID paidOrder(UUID user, long price) {
        UUID product = product("kambing", price, 5);
        UUID id = placed(user, order(item(product, 1)));
        Pay.paid(user, id);
        return id;
    }

    /** A COMPLETED order; its completed event is still in the outbox (tests drain the relay themselves). */
    static UUID completedOrder(UUID user, long price) {
        UUID id = paidOrder(user, price);
        for (String s : List.of("PROCESSING", "DISTRIBUTED", "COMPLETED")) {
            asAdmin().contentType(ContentType.JSON).body(Map.of("status", s))
                    .post("/api/admin/orders/" + id + "/status").then().statusCode(200);
        }
        return id;
    }

    static void refund(UUID orderId) {
        asAdmin().contentType(ContentType.JSON).body(Map.of("reason", "Hewan tidak layak"))
                .post("/api/admin/orders/" + orderId + "/refund").then().statusCode(200);
    }
}
