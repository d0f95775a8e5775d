package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.loyalty.LoyaltyEntryType;
import id.qutab.commerce.loyalty.LoyaltyLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;

/** Test setup for rewards: points straight into the ledger (its own API), rewards through the admin API. */
final class Rewards {

    private Rewards() {
    }

    /** An admin's ADJUST through {@link LoyaltyLedger}, as the ledger's own writers do (lock, then append). */
    static void givePoints(LoyaltyLedger ledger, UUID userId, long points) {
        QuarkusTransaction.requiringNew().run(() -> {
            ledger.lock(userId);
            ledger.append(LoyaltyLedger.Entry.of(userId, LoyaltyEntryType.ADJUST, points)
                    .withReason("test setup", UUID.randomUUID()));
        });
    }

    static Map<String, Object> reward(String kind, long pointsCost, long value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", kind + " " + UUID.randomUUID().toString().substring(0, 8));
        body.put("description", "Hadiah untuk pelanggan setia");
        body.put("pointsCost", pointsCost);
        body.put("kind", kind);
        body.put("value", value);
        return body;
    }

    static UUID create(Map<String, Object> body) {
        return UUID.fromString(asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/loyalty/rewards")
                .then().statusCode(201).extract().path("id"));
    }

    static Response redeem(UUID customer, UUID rewardId, String key) {
        var request = as(customer);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.post("/api/loyalty/rewards/" + rewardId + "/redeem");
    }

    static Map<String, Object> withPoints(Map<String, Object> order, UUID rewardId) {
        Map<String, Object> copy = new LinkedHashMap<>(order);
        copy.put("pointsRedemption", Map.of("rewardId", rewardId.toString()));
        return copy;
    }
}
