package id.qutab.commerce.support;

import java.time.Duration;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;

/** Pays an order the way a customer does: open the payment, pay on the sandbox, wait for the callback's effect. */
public final class Pay {

    private Pay() {
    }

    /** Opens the payment; returns the provider's invoice id. */
    public static String open(UUID customer, UUID orderId) {
        return as(customer).post("/api/orders/" + orderId + "/payment").then().statusCode(201)
                .extract().path("providerInvoiceId");
    }

    public static void paid(UUID customer, UUID orderId) {
        String invoice = open(customer, orderId);
        ZenditSandboxResource.sandbox().simulate(invoice, "PAID");
        awaitStatus(customer, orderId, "PAID");
    }

    public static void awaitStatus(UUID customer, UUID orderId, String status) {
        Fixtures.await("order " + orderId + " " + status, Duration.ofSeconds(10),
                () -> status.equals(as(customer).get("/api/orders/" + orderId).then().extract().path("status")));
    }
}
