package id.qutab.affiliate.portal;

import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.CommissionMaturation;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dashboard's {@code available} is payout-service's balance {@code available} (BalanceCalculator's formula),
 * projected from the payout events: a commission a payout covered only in part counts with its remainder, a
 * requested payout is reserved until it is paid, failed or rejected.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class DashboardAvailableTest {

    @Inject
    CommissionMaturation maturation;

    private static UUID maturedOrder(Affiliates.Made a, Line line) {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Instant paidAt = Instant.now().minus(Duration.ofDays(40));
        Attribution link = Attribution.link(a.code());
        Events.deliverApplied(Event.of("commerce.order.created", order, paidAt,
                Orders.created(order, "QTB-AV", buyer, "Budi", line.lineTotal(), link)));
        Events.deliverApplied(Event.of("commerce.order.paid", order, paidAt,
                Orders.paid(order, buyer, List.of(line), 0, paidAt, link)));
        Events.deliverApplied(Event.of("commerce.order.completed", order, Instant.now(),
                Orders.completed(order, Instant.now())));
        return Commission.idFor(order);
    }

    private static void dashboard(Affiliates.Made a, long available, long paid) {
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then().statusCode(200)
                .body("commission.available", equalTo((int) available))
                .body("commission.paid", equalTo((int) paid))
                .body("commission.pending", equalTo(0));
    }

    @Test
    void aPartlyPaidCommissionCountsWithItsRemainderAndARequestedPayoutIsReserved() {
        Affiliates.Made a = Affiliates.approved("Saldo", "Sisa");
        UUID whole = maturedOrder(a, Line.of("sapi", 1, 30_000_000).paid(30_000_000));  // 900,000
        UUID part = maturedOrder(a, Line.of("domba", 1, 2_000_000).paid(2_000_000));    // 100,000
        maturation.run(30);
        dashboard(a, 1_000_000, 0);

        // payout-service pays 950,000: the first commission in full, 50,000 of the second
        UUID payout = UUID.randomUUID();
        Instant paidAt = Instant.now();
        Events.deliverApplied(Event.of("payout.payout.requested", payout, paidAt,
                "{\"payoutId\":\"" + payout + "\",\"affiliateId\":\"" + a.id() + "\",\"amount\":950000,\"requestedAt\":\""
                        + paidAt + "\"}"));
        dashboard(a, 50_000, 0);
        Events.deliverApplied(Event.of("payout.payout.paid", payout, paidAt,
                "{\"payoutId\":\"" + payout + "\",\"affiliateId\":\"" + a.id() + "\",\"amount\":950000,"
                        + "\"transferReference\":\"TRX-1\",\"paidAt\":\"" + paidAt + "\",\"commissionIds\":[\"" + whole
                        + "\"],\"allocations\":[{\"commissionId\":\"" + whole + "\",\"amount\":900000,\"fullyPaid\":true},"
                        + "{\"commissionId\":\"" + part + "\",\"amount\":50000,\"fullyPaid\":false}],\"unallocatedAmount\":0}"));
        // the balance payout-service shows: 1,000,000 earned − 950,000 paid out
        dashboard(a, 50_000, 900_000);

        // a request of 30,000 is reserved; rejected, it is available again
        UUID second = UUID.randomUUID();
        Events.deliverApplied(Event.of("payout.payout.requested", second, Instant.now(),
                "{\"payoutId\":\"" + second + "\",\"affiliateId\":\"" + a.id() + "\",\"amount\":30000}"));
        dashboard(a, 20_000, 900_000);
        Events.deliverApplied(Event.of("payout.payout.rejected", second, Instant.now(),
                "{\"payoutId\":\"" + second + "\",\"affiliateId\":\"" + a.id() + "\",\"amount\":30000,"
                        + "\"reason\":\"Rekening tidak cocok\",\"rejectedAt\":\"" + Instant.now() + "\"}"));
        dashboard(a, 50_000, 900_000);
    }
}
