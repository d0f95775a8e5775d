package id.qutab.commerce.orders;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stock stays exact when admin maintenance and cancellations race the checkout (issue 9, defects 1 and 6).
 * Stock is checked against what the orders say: initial stock minus what live orders hold.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class StockRacesTest {

    @Inject
    TestDb db;

    int stock(UUID product) {
        return ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue();
    }

    /** What live (not cancelled or expired) orders hold of a product. */
    int held(UUID product) {
        return ((Number) db.one("""
                SELECT coalesce(sum(l.quantity), 0) FROM order_line l JOIN customer_order o ON o.id = l.order_id
                WHERE l.product_id = ? AND o.status NOT IN ('CANCELLED', 'EXPIRED')""", product)).intValue();
    }

    /** Orders placed by {@code threads} customers in a loop until {@code stop}; returns the statuses seen. */
    static Future<List<Integer>> orderUntil(ExecutorService pool, int threads, UUID product, AtomicBoolean stop) {
        return pool.submit(() -> {
            ExecutorService buyers = Executors.newFixedThreadPool(threads);
            ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
            for (int t = 0; t < threads; t++) {
                buyers.submit(() -> {
                    while (!stop.get()) {
                        statuses.add(place(UUID.randomUUID(), order(item(product, 1))).statusCode());
                    }
                });
            }
            buyers.shutdown();
            buyers.awaitTermination(120, TimeUnit.SECONDS);
            return new ArrayList<>(statuses);
        });
    }

    /** A large, cheap-to-send image: decoding it takes a while, which is the window the lost update needs. */
    static byte[] bigPng() throws IOException {
        BufferedImage image = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2E7D32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void imageUploadsAndEditsDuringASaleDoNotOverwriteTheStock() throws Exception {
        UUID product = product("kambing", 3_000_000, 1000);
        byte[] png = bigPng();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        Future<List<Integer>> orders = orderUntil(pool, 6, product, stop);
        try {
            for (int i = 0; i < 4; i++) {
                asAdmin().multiPart("file", "k.png", png, "image/png").post("/api/admin/products/" + product + "/image")
                        .then().statusCode(200);
            }
        } finally {
            stop.set(true);
        }
        List<Integer> statuses = orders.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        long created = statuses.stream().filter(s -> s == 201).count();
        assertEquals(statuses.size(), created, "every order should have been placed: " + statuses);
        assertTrue(created > 0);
        assertEquals(1000 - created, stock(product), "stock after " + created + " orders and 4 image uploads");
        assertEquals(1000 - held(product), stock(product));
    }

    @Test
    void deletingAProductDuringASaleKeepsItsStockExact() throws Exception {
        UUID product = product("domba", 3_000_000, 1000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean stop = new AtomicBoolean();
        Future<List<Integer>> orders = orderUntil(pool, 6, product, stop);
        try {
            Thread.sleep(300);
            asAdmin().delete("/api/admin/products/" + product).then().statusCode(204);
            Thread.sleep(100);
        } finally {
            stop.set(true);
        }
        List<Integer> statuses = orders.get(120, TimeUnit.SECONDS);
        pool.shutdown();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 422), statuses.toString());
        assertEquals(1000 - held(product), stock(product));
    }

    @Test
    void anAdminStockFigureIsStillSetByPut() {
        UUID product = product("sapi", 21_000_000, 5);
        placed(UUID.randomUUID(), order(item(product, 1, "Hasan")));
        asAdmin().contentType(ContentType.JSON).body(Map.of("name", "Sapi Bali", "category", "sapi", "price", 21_000_000,
                "stock", 12, "description", "baru")).put("/api/admin/products/" + product).then().statusCode(200);
        assertEquals(12, stock(product));
        assertEquals("baru", db.one("SELECT description FROM product WHERE id = ?", product));
    }

    /**
     * Cancels of multi-item orders race new multi-item checkouts over the same two products, their lines in
     * opposite orders: reservation and release must lock the products in the same order, or they deadlock.
     */
    @Test
    void multiItemCancelsRacingCheckoutsNeitherDeadlockNorLoseStock() throws Exception {
        UUID a = product("kambing", 2_000_000, 500);
        UUID b = product("domba", 2_500_000, 500);
        UUID low = a.compareTo(b) < 0 ? a : b;
        UUID high = low.equals(a) ? b : a;
        int n = 24;
        List<UUID> owners = new ArrayList<>();
        List<UUID> existing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UUID owner = UUID.randomUUID();
            owners.add(owner);
            // lines in descending product-id order: a release in line order locks the higher id first
            existing.add(placed(owner, order(item(high, 1), item(low, 1))));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * n);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                gate.await();
                return as(owners.get(index)).contentType(ContentType.JSON).body("{}")
                        .post("/api/orders/" + existing.get(index) + "/cancel");
            }));
            futures.add(pool.submit(() -> {
                gate.await();
                return index % 2 == 0 ? place(UUID.randomUUID(), order(item(low, 1), item(high, 1)))
                        : place(UUID.randomUUID(), order(item(high, 1), item(low, 1)));
            }));
        }
        gate.countDown();
        List<String> failures = new ArrayList<>();
        for (Future<Response> f : futures) {
            Response r = f.get(120, TimeUnit.SECONDS);
            if (r.statusCode() != 200 && r.statusCode() != 201) {
                failures.add(r.statusCode() + " " + r.body().asString());
            }
        }
        pool.shutdown();
        assertEquals(List.of(), failures);
        for (UUID id : existing) {
            assertEquals("CANCELLED", db.one("SELECT status FROM customer_order WHERE id = ?", id));
        }
        assertEquals(500 - n, stock(low));
        assertEquals(500 - n, stock(high));
        assertEquals(500 - held(low), stock(low));
        assertEquals(500 - held(high), stock(high));
    }
}
