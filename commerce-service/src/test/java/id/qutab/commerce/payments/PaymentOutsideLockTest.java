package id.qutab.commerce.payments;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import id.qutab.zendit.sandbox.Invoice;
import id.qutab.zendit.sandbox.ZenditSandbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9, defect 7: the provider is called outside the order's lock and any transaction; the payment row is
 * recorded first, and a callback for an invoice whose id we never stored is matched by {@code external_id}.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class PaymentOutsideLockTest {

    @Inject
    TestDb db;

    final ZenditSandbox sandbox = ZenditSandboxResource.sandbox();
    final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void knobsOff() {
        sandbox.delayCreates(Duration.ZERO);
        sandbox.failCreatesAfterStoring(0);
        pool.shutdownNow();
    }

    String number(UUID orderId) {
        return (String) db.one("SELECT number FROM customer_order WHERE id = ?", orderId);
    }

    /** The invoices the sandbox made for an order (its description carries the order number). */
    List<Invoice> invoicesOf(UUID orderId) {
        String number = number(orderId);
        return sandbox.invoices().stream().filter(i -> i.description() != null && i.description().contains(number)).toList();
    }

    Future<Response> openLater(UUID me, UUID orderId) {
        return pool.submit(() -> as(me).post("/api/orders/" + orderId + "/payment"));
    }

    @Test
    void aSlowProviderHoldsNeitherTheOrderLockNorASecondInvoice() throws Exception {
        UUID me = customer();
        UUID orderId = placed(me, order(item(product("kambing", 3_100_000, 5), 1)));
        sandbox.delayCreates(Duration.ofSeconds(3));
        Future<Response> first = openLater(me, orderId);
        Thread.sleep(400);
        Future<Response> second = openLater(me, orderId);
        Thread.sleep(400);
        // an admin action that locks the order completes while the provider is still creating the invoice
        asAdmin().contentType(ContentType.JSON).body(Map.of("note", "Hewan sudah dipilih"))
                .post("/api/admin/orders/" + orderId + "/tracking").then().statusCode(200);
        assertFalse(first.isDone(), "the admin's request waited for the provider: the order was locked during the call");

        Response a = first.get(30, TimeUnit.SECONDS);
        Response b = second.get(30, TimeUnit.SECONDS);
        assertEquals(201, a.statusCode(), a.asString());
        assertEquals(200, b.statusCode(), b.asString());
        String invoice = a.path("providerInvoiceId");
        assertNotNull(invoice);
        assertNotNull(a.path("paymentUrl"));
        assertEquals(invoice, b.path("providerInvoiceId"));
        assertEquals(1, invoicesOf(orderId).size(), "one invoice at the provider");
        assertEquals(1, db.count("SELECT count(*) FROM payment WHERE order_id = ?", orderId));
        assertEquals(invoice, db.one("SELECT provider_invoice_id FROM payment WHERE order_id = ?", orderId));
    }

    @Test
    void aCancelDuringTheProviderCallWinsAndTheNewInvoiceIsExpired() throws Exception {
        UUID me = customer();
        UUID product = product("domba", 2_700_000, 5);
        UUID orderId = placed(me, order(item(product, 1)));
        sandbox.delayCreates(Duration.ofSeconds(3));
        Future<Response> opening = openLater(me, orderId);
        Thread.sleep(800);
        as(me).contentType(ContentType.JSON).body("{}").post("/api/orders/" + orderId + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        assertFalse(opening.isDone(), "the cancel waited for the provider: the order was locked during the call");

        Response opened = opening.get(30, TimeUnit.SECONDS);
        assertEquals(409, opened.statusCode(), opened.asString());
        assertEquals("https://qutab.id/problems/order-not-payable", opened.path("type"));
        List<Invoice> invoices = invoicesOf(orderId);
        assertEquals(1, invoices.size());
        assertEquals("EXPIRED", sandbox.invoice(invoices.get(0).id()).orElseThrow().status(), "no payable invoice left");
        assertEquals("EXPIRED", db.one("SELECT status FROM payment WHERE order_id = ?", orderId));
        assertEquals(5, ((Number) db.one("SELECT stock FROM product WHERE id = ?", product)).intValue());
    }

    @Test
    void aCallbackForAnInvoiceWhoseIdWasNeverStoredIsMatchedByExternalId() {
        UUID me = customer();
        UUID orderId = placed(me, order(item(product("kambing", 3_300_000, 5), 1)));
        sandbox.failCreatesAfterStoring(1); // the provider made the invoice, its answer is lost
        as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(502)
                .body("type", equalTo("https://qutab.id/problems/payment-provider-unavailable"));
        List<Invoice> invoices = invoicesOf(orderId);
        assertEquals(1, invoices.size());

        sandbox.simulate(invoices.get(0).id(), "PAID");
        assertTrue(sandbox.awaitCallbacks(Duration.ofSeconds(15)));
        Pay.awaitStatus(me, orderId, "PAID");
        assertEquals(List.of(List.of("PAID", invoices.get(0).id())),
                db.rows("SELECT status, provider_invoice_id FROM payment WHERE order_id = ?", orderId));
        assertEquals("ORDER_PAID", db.one("SELECT outcome FROM payment_callback WHERE provider_invoice_id = ?",
                invoices.get(0).id()));
        assertEquals(1, db.count("""
                SELECT count(*) FROM outbox WHERE event_type = 'commerce.order.paid' AND aggregate_id = ?
                AND destination = 'affiliate'""", orderId.toString()));
    }

    @Test
    void askingAgainAfterALostAnswerGetsTheSameInvoice() {
        UUID me = customer();
        UUID orderId = placed(me, order(item(product("domba", 2_900_000, 5), 1)));
        sandbox.failCreatesAfterStoring(1);
        as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(502);
        String invoice = as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(200)
                .extract().path("providerInvoiceId");
        List<Invoice> invoices = invoicesOf(orderId);
        assertEquals(1, invoices.size());
        assertEquals(invoices.get(0).id(), invoice);
        as(me).post("/api/orders/" + orderId + "/payment").then().statusCode(200)
                .body("providerInvoiceId", equalTo(invoice));
    }
}
