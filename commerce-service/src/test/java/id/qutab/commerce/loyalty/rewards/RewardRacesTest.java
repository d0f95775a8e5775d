package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static id.qutab.commerce.loyalty.rewards.Rewards.create;
import static id.qutab.commerce.loyalty.rewards.Rewards.givePoints;
import static id.qutab.commerce.loyalty.rewards.Rewards.redeem;
import static id.qutab.commerce.loyalty.rewards.Rewards.reward;
import static id.qutab.commerce.loyalty.rewards.Rewards.withPoints;
import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The same points cannot be spent twice, and a reward's stock holds, when requests race (real PostgreSQL). */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class RewardRacesTest {

    @Inject
    TestDb db;

    @Inject
    LoyaltyLedger ledger;

    /** Fires {@code n} requests at once (a start gate) and returns their responses. */
    static List<Response> race(int n, IntFunction<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                gate.await();
                return request.apply(index);
            }));
        }
        gate.countDown();
        List<Response> responses = new ArrayList<>();
        for (Future<Response> f : futures) {
            responses.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return responses;
    }

    static long count(List<Response> responses, int status) {
        return responses.stream().filter(r -> r.statusCode() == status).count();
    }

    static String statuses(List<Response> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.asString()).toList().toString();
    }

    static void allRefusedAs(List<Response> responses, String slug) {
        responses.stream().filter(r -> r.statusCode() == 422).forEach(r -> {
            assertEquals("application/problem+json", r.contentType());
            assertEquals("https://qutab.id/problems/" + slug, r.jsonPath().getString("type"));
        });
    }

    int redeemed(UUID reward) {
        return ((Number) db.one("SELECT redeemed FROM loyalty_reward WHERE id = ?", reward)).intValue();
    }

    @Test
    void eightParallelRedemptionsOfTheSamePointsSpendThemOnce() throws Exception {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        Map<String, Object> body = reward("COUPON", 100, 100_000);
        body.put("stock", 5);
        UUID reward = create(body);
        List<Response> responses = race(8, i -> redeem(me, reward, "key-" + i + "-" + me));
        assertEquals(1, count(responses, 201), statuses(responses));
        assertEquals(7, count(responses, 422), statuses(responses));
        allRefusedAs(responses, "not-enough-points");
        assertEquals(0, ledger.balance(me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_redemption WHERE user_id = ?", me));
        assertEquals(1, db.count("SELECT count(*) FROM coupon WHERE owner_user_id = ?", me));
        assertEquals(1, redeemed(reward));
        assertEquals(1, db.count("SELECT count(*) FROM order_idempotency WHERE user_id = ?", me)); // refused keys rolled back
    }

    /** Different rewards share no row: only the account lock keeps the second spend from seeing the old balance. */
    @Test
    void eightParallelRedemptionsOfDifferentRewardsSpendThePointsOnce() throws Exception {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        List<UUID> rewards = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rewards.add(create(reward("COUPON", 100, 100_000)));
        }
        List<Response> responses = race(8, i -> redeem(me, rewards.get(i), null));
        assertEquals(1, count(responses, 201), statuses(responses));
        assertEquals(7, count(responses, 422), statuses(responses));
        allRefusedAs(responses, "not-enough-points");
        assertEquals(0, ledger.balance(me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(1, rewards.stream().mapToInt(this::redeemed).sum());
    }

    @Test
    void theSameKeySentFiveTimesAtOnceRedeemsOnce() throws Exception {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 500);
        UUID reward = create(reward("COUPON", 100, 100_000));
        List<Response> responses = race(5, i -> redeem(me, reward, "one-tap-" + me));
        assertEquals(1, count(responses, 201), statuses(responses));
        assertEquals(4, count(responses, 200), statuses(responses));
        assertEquals(1, responses.stream().map(r -> r.jsonPath().getString("redemptionId")).distinct().count());
        assertEquals(1, responses.stream().map(r -> r.jsonPath().getString("couponCode")).distinct().count());
        assertEquals(400, ledger.balance(me));
        assertEquals(1, redeemed(reward));
    }

    @Test
    void tenCustomersRacingForThreeInStockGetExactlyThree() throws Exception {
        Map<String, Object> body = reward("COUPON", 100, 100_000);
        body.put("stock", 3);
        UUID reward = create(body);
        List<UUID> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID c = UUID.randomUUID();
            givePoints(ledger, c, 100);
            customers.add(c);
        }
        List<Response> responses = race(10, i -> redeem(customers.get(i), reward, null));
        assertEquals(3, count(responses, 201), statuses(responses));
        assertEquals(7, count(responses, 422), statuses(responses));
        allRefusedAs(responses, "reward-out-of-stock");
        assertEquals(3, redeemed(reward));
        assertEquals(3, db.count("SELECT count(*) FROM loyalty_redemption WHERE reward_id = ?", reward));
        assertEquals(3, db.count("SELECT count(*) FROM loyalty_entry WHERE reward_id = ? AND type = 'REDEEM'", reward));
        long spent = customers.stream().filter(c -> ledger.balance(c) == 0).count();
        assertEquals(3, spent);
    }

    @Test
    void parallelCheckoutsWithTheSamePointsGiveOneDiscount() throws Exception {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID reward = create(reward("DISCOUNT", 100, 250_000));
        UUID goat = product("kambing", 3_250_000, 20);
        List<Response> responses = race(6, i -> as(me).header("Idempotency-Key", "checkout-" + i + "-" + me)
                .contentType(ContentType.JSON).body(withPoints(order(item(goat, 1)), reward)).post("/api/orders"));
        assertEquals(1, count(responses, 201), statuses(responses));
        assertEquals(5, count(responses, 422), statuses(responses));
        allRefusedAs(responses, "not-enough-points");
        assertEquals(1, db.count("SELECT count(*) FROM customer_order WHERE user_id = ?", me));
        assertEquals(1, db.count("SELECT count(*) FROM customer_order WHERE user_id = ? AND points_discount = 250000", me));
        assertEquals(19, ((Number) db.one("SELECT stock FROM product WHERE id = ?", goat)).intValue());
        assertEquals(0, ledger.balance(me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(1, redeemed(reward));
    }

    @Test
    void aCheckoutAndARedemptionRacingForTheSamePointsDoNotBothWin() throws Exception {
        UUID me = UUID.randomUUID();
        givePoints(ledger, me, 100);
        UUID discount = create(reward("DISCOUNT", 100, 250_000));
        UUID coupon = create(reward("COUPON", 100, 100_000));
        UUID goat = product("kambing", 3_250_000, 20);
        List<Response> responses = race(8, i -> i % 2 == 0 ? redeem(me, coupon, null)
                : place(me, withPoints(order(item(goat, 1)), discount)));
        assertEquals(1, count(responses, 201), statuses(responses));
        assertEquals(7, count(responses, 422), statuses(responses));
        assertEquals(0, ledger.balance(me));
        assertEquals(1, db.count("SELECT count(*) FROM loyalty_entry WHERE user_id = ? AND type = 'REDEEM'", me));
        assertEquals(1, redeemed(discount) + redeemed(coupon));
    }
}
