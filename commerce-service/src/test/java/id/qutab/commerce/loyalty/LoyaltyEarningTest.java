package id.qutab.commerce.loyalty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.outbox.OutboxRelay;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.commerce.loyalty.LoyaltyFixtures.completedOrder;
import static id.qutab.commerce.loyalty.LoyaltyFixtures.paidOrder;
import static id.qutab.commerce.loyalty.LoyaltyFixtures.refund;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Points for completed orders: once per order whatever the delivery, taken back on refund. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class LoyaltyEarningTest {

    @Inject
    TestDb db;

    @Inject
    OutboxRelay relay;

    final ObjectMapper json = new ObjectMapper();

    void drain() {
        relay.newWorker().drain(Duration.ofSeconds(20));
    }

    long entries(UUID user, String type) {
        return db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = ?", user, type);
    }

    long balance(UUID user) {
        return db.count("SELECT COALESCE(SUM(points), 0) FROM loyalty_entry WHERE user_id = ?", user);
    }

    List<JsonNode> events(String type, UUID user) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (List<Object> r : db.rows("SELECT payload::text FROM outbox WHERE event_type = ? AND aggregate_id = ? "
                + "AND destination = 'identity' ORDER BY seq", type, user.toString())) {
            out.add(json.readTree((String) r.get(0)));
        }
        return out;
    }

    String completedPayload(UUID orderId) {
        return (String) db.one("SELECT payload::text FROM outbox WHERE event_type = 'commerce.order.completed' "
                + "AND aggregate_id = ? AND destination = 'commerce'", orderId.toString());
    }

    @Test
    void anOrderEarnsOnceWhateverTheRedelivery() throws Exception {
        UUID me = customer();
        UUID orderId = completedOrder(me, 3_250_000);
        String payload = completedPayload(orderId);

        // the same event twice in a row, then concurrently from 8 threads, then another event id for the order
        UUID first = UUID.randomUUID();
        SignedEvents.deliver(first, "commerce.order.completed", orderId.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(first, "commerce.order.completed", orderId.toString(), payload).then().statusCode(200)
                .body("outcome", equalTo("DUPLICATE"));
        UUID raced = UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> codes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            codes.add(pool.submit(() -> {
                start.await();
                return SignedEvents.deliver(raced, "commerce.order.completed", orderId.toString(), payload).statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> c : codes) {
            assertEquals(200, c.get());
        }
        pool.shutdown();
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.completed", orderId.toString(), payload)
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        drain(); // and the relay's own delivery of the real event

        UUID relayed = (UUID) db.one("SELECT event_id FROM outbox WHERE event_type = 'commerce.order.completed' "
                + "AND aggregate_id = ? AND destination = 'commerce'", orderId.toString());
        assertEquals(1, db.count("SELECT count(*) FROM inbox WHERE event_id = ?", relayed));
        assertEquals(1, entries(me, "EARN"));
        // Rp 3 250 000 / 10 000 = 325 points at Bronze (x1)
        assertEquals(List.of(325L, orderId), db.rows("SELECT points, order_id FROM loyalty_entry WHERE user_id = ?", me).get(0));
        List<JsonNode> earned = events("commerce.loyalty.earned", me);
        assertEquals(1, earned.size());
        assertEquals(325, earned.get(0).get("points").asLong());
        assertEquals(325, earned.get(0).get("balanceAfter").asLong());
        assertEquals(orderId.toString(), earned.get(0).get("orderId").asText());
        assertEquals(me.toString(), earned.get(0).get("userId").asText());

        LocalDate expires = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusMonths(12);
        as(me).get("/api/loyalty").then().statusCode(200)
                .body("points", equalTo(325))
                .body("tier.code", equalTo("BRONZE")).body("tier.name", equalTo("Bronze"))
                .body("tier.multiplierBps", equalTo(10000))
                .body("nextTier.code", equalTo("SILVER")).body("nextTier.spendNeeded", equalTo(1_750_000))
                .body("expiring", hasSize(1)).body("expiring[0].points", equalTo(325))
                .body("expiring[0].on", equalTo(expires.toString()));
        as(me).get("/api/loyalty/history").then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items.type", contains("EARN")).body("items[0].points", equalTo(325))
                .body("items[0].orderId", equalTo(orderId.toString())).body("items[0].actorId", nullValue());
        // nobody else's ledger through the customer API
        as(customer()).get("/api/loyalty").then().statusCode(200).body("points", equalTo(0))
                .body("expiring", hasSize(0));
    }

    @Test
    void aRefundReversesWhatTheOrderEarnedEvenBelowZeroAndLaterEarningsNetIt() throws Exception {
        UUID me = customer();
        UUID first = completedOrder(me, 3_250_000);
        drain();
        assertEquals(325, balance(me));
        // 300 of them already spent
        asAdmin().contentType(ContentType.JSON).body(Map.of("points", -300, "reason", "Ditukar hadiah (manual)"))
                .post("/api/admin/loyalty/customers/" + me + "/adjust").then().statusCode(201)
                .body("balanceAfter", equalTo(25));

        refund(first);
        drain();
        assertEquals(List.of(-325L), db.rows("SELECT points FROM loyalty_entry WHERE user_id = ? AND type = 'REVERSE'"
                + " AND order_id = ?", me, first).get(0));
        assertEquals(-300, balance(me));
        List<JsonNode> reversed = events("commerce.loyalty.reversed", me);
        assertEquals(1, reversed.size());
        assertEquals(-325, reversed.get(0).get("points").asLong());
        assertEquals(-300, reversed.get(0).get("balanceAfter").asLong());
        as(me).get("/api/loyalty").then().statusCode(200).body("points", equalTo(-300)).body("expiring", hasSize(0))
                // the refunded order no longer counts as spend
                .body("nextTier.spendNeeded", equalTo(5_000_000));

        // the refund event again, under a new id: still one reversal
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.refunded", first.toString(),
                "{\"orderId\":\"" + first + "\"}").then().statusCode(200);
        assertEquals(1, entries(me, "REVERSE"));

        completedOrder(me, 4_000_000);
        drain();
        assertEquals(100, balance(me)); // -300 + 400
        as(me).get("/api/loyalty").then().statusCode(200).body("points", equalTo(100))
                // the debit consumed the newest lot's first 300 points: what is left expires with it
                .body("expiring[0].points", equalTo(100));
        as(me).get("/api/loyalty/history?size=2").then().statusCode(200).body("total", equalTo(4))
                .body("items.type", contains("EARN", "REVERSE"));
    }

    @Test
    void anOrderRefundedBeforeItsCompletionEarnsNothingLaterOn() {
        UUID me = customer();
        UUID orderId = paidOrder(me, 3_250_000);
        refund(orderId);
        drain();
        // a completed event that arrives after the refund (a stale or reordered delivery) finds a REFUNDED order
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.completed", orderId.toString(),
                "{\"orderId\":\"" + orderId + "\",\"userId\":\"" + me + "\",\"completedAt\":\"" + Instant.now() + "\"}")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(UUID.randomUUID(), "commerce.order.refunded", orderId.toString(),
                "{\"orderId\":\"" + orderId + "\"}").then().statusCode(200);
        drain();
        assertEquals(0, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ?", me));
        as(me).get("/api/loyalty").then().statusCode(200).body("points", equalTo(0));
    }

    @Test
    void pointsFollowTheRuleFloorThenMultiplier() {
        assertEquals(325, LoyaltyEarning.points(3_259_999, 10_000, 10_000));
        assertEquals(406, LoyaltyEarning.points(3_250_000, 10_000, 12_500)); // 406.25 rounded down
        assertEquals(0, LoyaltyEarning.points(9_999, 10_000, 15_000));
    }
}
