package id.qutab.commerce.orders;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
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

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.coupon;
import static id.qutab.commerce.support.Fixtures.couponCode;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Acceptance point 1: the rules hold when requests race, against the real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class ConcurrencyTest {

    @Inject
    TestDb db;

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

    @Test
    void twentyParallelOrdersForFiveInStockCreateExactlyFive() throws Exception {
        UUID product = product("kambing", 3_250_000, 5);
        List<Response> responses = race(20, i -> place(UUID.randomUUID(), order(item(product, 1))));
        assertEquals(5, count(responses, 201), responses.stream().map(Response::statusCode).toList().toString());
        assertEquals(15, count(responses, 409));
        responses.stream().filter(r -> r.statusCode() == 409).forEach(r -> {
            assertEquals("application/problem+json", r.contentType());
            assertEquals("https://qutab.id/problems/out-of-stock", r.jsonPath().getString("type"));
        });
        assertEquals(0, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        assertEquals(5, db.count("SELECT count(*) FROM order_line WHERE product_id = ?", product));
        assertEquals(5, db.count("""
                SELECT count(*) FROM outbox o JOIN order_line l ON o.aggregate_id = l.order_id::text
                WHERE l.product_id = ? AND o.event_type = 'commerce.order.created' AND o.destination = 'affiliate'""", product));
    }

    @Test
    void tenParallelRedemptionsOfACouponLimitedToThreeSucceedThreeTimes() throws Exception {
        UUID product = product("domba", 3_500_000, 50);
        UUID couponId = coupon(Map.of("usageLimit", 3, "discountType", "FIXED", "discountValue", 250_000));
        String code = couponCode(couponId);
        List<Response> responses = race(10, i -> place(UUID.randomUUID(), with(order(item(product, 1)), "couponCode", code)));
        assertEquals(3, count(responses, 201), responses.stream().map(Response::statusCode).toList().toString());
        assertEquals(7, count(responses, 422));
        responses.stream().filter(r -> r.statusCode() == 422).forEach(r ->
                assertEquals("https://qutab.id/problems/coupon-exhausted", r.jsonPath().getString("type")));
        assertEquals(3, ((Number) db.one("SELECT used FROM coupon WHERE id = ?", couponId)).intValue());
        assertEquals(3, db.count("SELECT count(*) FROM coupon_redemption WHERE coupon_id = ?", couponId));
        assertEquals(3, db.count("SELECT count(*) FROM customer_order WHERE coupon_id = ? AND discount = 250000", couponId));
        assertEquals(47, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
    }

    @Test
    void theSameIdempotencyKeySentFiveTimesAtOnceCreatesOneOrder() throws Exception {
        UUID me = UUID.randomUUID();
        UUID product = product("sapi", 3_700_000, 10);
        Map<String, Object> body = order(item(product, 1, "Hasan"));
        List<Response> responses = race(5, i -> as(me).header("Idempotency-Key", "pay-button-" + me)
                .contentType(ContentType.JSON).body(body).post("/api/orders"));
        assertEquals(1, count(responses, 201), responses.stream().map(Response::statusCode).toList().toString());
        assertEquals(4, count(responses, 200));
        assertEquals(1, responses.stream().map(r -> r.jsonPath().getString("id")).distinct().count());
        assertEquals(1, db.count("SELECT count(*) FROM customer_order WHERE user_id = ?", me));
        assertEquals(9, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
        assertEquals(1, db.count("SELECT count(*) FROM order_idempotency WHERE user_id = ? AND order_id IS NOT NULL", me));
    }
}
