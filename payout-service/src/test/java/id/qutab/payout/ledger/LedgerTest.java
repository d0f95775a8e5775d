package id.qutab.payout.ledger;

import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Balances are derived from the ledger and the payouts, at every step, whatever order the events come in. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class LedgerTest {

    /** The app's database over the test JVM's own connection: also works against the packaged app (LedgerIT). */
    final TestDb db = TestDb.ofAppUnderTest();

    @Test
    void createdMaturedRequestedApprovedPaid() {
        Affiliate a = Fixtures.verifiedAffiliate();
        assertBalance(a, 0, 0, 0, 0);
        UUID c1 = UUID.randomUUID();

        Fixtures.created(a.affiliateId(), c1, 150_000).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertBalance(a, 150_000, 0, 0, 0);

        Fixtures.matured(a.affiliateId(), c1, 150_000).then().statusCode(200);
        assertBalance(a, 0, 150_000, 0, 0);

        String payout = Fixtures.requestPayout(a, 150_000, null).then().statusCode(201)
                .body("status", equalTo("REQUESTED")).body("amount", equalTo(150_000)).extract().path("id");
        assertBalance(a, 0, 0, 150_000, 0);

        Fixtures.approve(payout);
        assertBalance(a, 0, 0, 150_000, 0);

        Fixtures.markPaid(payout, "BCA-TRX-0001").then().statusCode(200).body("status", equalTo("PAID"));
        assertBalance(a, 0, 0, 0, 150_000);

        UUID payoutId = UUID.fromString(payout);
        assertEquals("PAID", db.one("SELECT status FROM payout WHERE id = ?", payoutId));
        assertEquals(List.of(List.of(c1, 150_000L, true)),
                db.rows("SELECT commission_id, amount, fully_paid FROM payout_allocation WHERE payout_id = ?", payoutId));
        assertEquals(0, db.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'payout'"
                + " AND column_name LIKE '%balance%'"), "no balance column anywhere");
    }

    @Test
    void aFailedOrRejectedPayoutReturnsItsAmount() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 200_000);
        String first = Fixtures.requestPayout(a, 120_000, null).then().statusCode(201).extract().path("id");
        assertBalance(a, 0, 80_000, 120_000, 0);
        Fixtures.approve(first);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Rekening tidak aktif"))
                .post("/api/admin/payouts/" + first + "/fail").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("failureReason", equalTo("Rekening tidak aktif"));
        assertBalance(a, 0, 200_000, 0, 0);

        String second = Fixtures.requestPayout(a, 200_000, null).then().statusCode(201).extract().path("id");
        assertBalance(a, 0, 0, 200_000, 0);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Suspicious"))
                .post("/api/admin/payouts/" + second + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        assertBalance(a, 0, 200_000, 0, 0);
        assertEquals(0, db.count("SELECT count(*) FROM payout_allocation a JOIN payout p ON p.id = a.payout_id"
                + " WHERE p.affiliate_id = ?", a.affiliateId()));
    }

    @Test
    void aClawbackAfterPayoutMakesAvailableNegativeAndBlocksTheNextRequest() {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID c1 = Fixtures.availableCommission(a.affiliateId(), 150_000);
        String payout = Fixtures.requestPayout(a, 150_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(payout);
        Fixtures.markPaid(payout, "TRX-CLAW-1").then().statusCode(200);

        Fixtures.clawback(a.affiliateId(), c1, 150_000).then().statusCode(200);
        assertBalance(a, 0, -150_000, 0, 150_000);
        assertEquals(List.of(List.of("CLAWED_BACK", 150_000L, 150_000L)),
                db.rows("SELECT state, amount, clawback_amount FROM ledger_commission WHERE commission_id = ?", c1));

        Fixtures.availableCommission(a.affiliateId(), 100_000);
        assertBalance(a, 0, -50_000, 0, 150_000);
        Fixtures.requestPayout(a, 100_000, null).then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/insufficient-balance"));

        Fixtures.availableCommission(a.affiliateId(), 200_000);
        assertBalance(a, 0, 150_000, 0, 150_000);
        Fixtures.requestPayout(a, 150_000, null).then().statusCode(201);
        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ? AND status = 'REQUESTED'",
                a.affiliateId()));
    }

    @Test
    void redeliveredEventsHaveNoSecondEffect() {
        Affiliate a = Fixtures.approvedAffiliate();
        UUID c = UUID.randomUUID();
        String event = SignedEvents.envelope(UUID.randomUUID(), "affiliate.commission.created", c.toString(),
                "{\"commissionId\":\"" + c + "\",\"affiliateId\":\"" + a.affiliateId() + "\",\"amount\":70000,"
                        + "\"status\":\"PENDING\",\"someFutureField\":{\"x\":1}}");
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        // the same fact again under a new event id (a producer retry that re-recorded it)
        Fixtures.created(a.affiliateId(), c, 70_000).then().statusCode(200);
        Fixtures.matured(a.affiliateId(), c, 70_000).then().statusCode(200);
        Fixtures.matured(a.affiliateId(), c, 70_000).then().statusCode(200);
        assertBalance(a, 0, 70_000, 0, 0);
        assertEquals(2, db.count("SELECT count(*) FROM ledger_entry WHERE commission_id = ?", c));
    }

    @Test
    void outOfOrderEventsEndInTheSameBalanceAsInOrderOnes() {
        Affiliate inOrder = Fixtures.approvedAffiliate();
        Affiliate shuffled = Fixtures.approvedAffiliate();
        UUID a1 = UUID.randomUUID(), b1 = UUID.randomUUID(), c1 = UUID.randomUUID(), d1 = UUID.randomUUID();
        UUID a2 = UUID.randomUUID(), b2 = UUID.randomUUID(), c2 = UUID.randomUUID(), d2 = UUID.randomUUID();
        UUID x = inOrder.affiliateId();
        UUID y = shuffled.affiliateId();

        // in order: A matures, B is voided while pending, C is voided after maturing, D stays pending
        Fixtures.created(x, a1, 100_000); Fixtures.matured(x, a1, 100_000);
        Fixtures.created(x, b1, 40_000); Fixtures.voided(x, b1, 40_000);
        Fixtures.created(x, c1, 55_000); Fixtures.matured(x, c1, 55_000); Fixtures.voided(x, c1, 55_000);
        Fixtures.created(x, d1, 30_000);

        // shuffled, with repeats: matured before created; voided before created; voided before matured
        Fixtures.matured(y, a2, 100_000); Fixtures.created(y, a2, 100_000);
        Fixtures.voided(y, b2, 40_000); Fixtures.created(y, b2, 40_000); Fixtures.voided(y, b2, 40_000);
        Fixtures.voided(y, c2, 55_000); Fixtures.matured(y, c2, 55_000); Fixtures.created(y, c2, 55_000);
        Fixtures.created(y, d2, 30_000); Fixtures.created(y, d2, 30_000);

        assertBalance(inOrder, 30_000, 100_000, 0, 0);
        assertBalance(shuffled, 30_000, 100_000, 0, 0);
        assertEquals(List.of(List.of("AVAILABLE"), List.of("VOIDED"), List.of("VOIDED"), List.of("PENDING")),
                db.rows("SELECT state FROM ledger_commission WHERE commission_id IN (?, ?, ?, ?)"
                        + " ORDER BY array_position(ARRAY[?, ?, ?, ?]::uuid[], commission_id)",
                        a2, b2, c2, d2, a2, b2, c2, d2));
        // a stale transition is on record, but marked as such: the void was never undone
        assertEquals("STALE", db.one("SELECT effect FROM ledger_entry WHERE commission_id = ? AND kind = 'MATURED'", c2));
        assertEquals("STALE", db.one("SELECT effect FROM ledger_entry WHERE commission_id = ? AND kind = 'CREATED'", a2));
        assertEquals(2L, db.one("SELECT count(*) FROM ledger_entry WHERE commission_id = ?", a2));
    }

    @Test
    void aClawbackThatArrivesBeforeEverythingElseStillNetsToZeroForTheCommission() {
        Affiliate a = Fixtures.approvedAffiliate();
        UUID c = UUID.randomUUID();
        Fixtures.clawback(a.affiliateId(), c, 80_000).then().statusCode(200);
        Fixtures.matured(a.affiliateId(), c, 80_000).then().statusCode(200);
        Fixtures.created(a.affiliateId(), c, 80_000).then().statusCode(200);
        // earned 80 000, clawed back 80 000, never paid out here
        assertBalance(a, 0, 0, 0, 0);
        assertEquals("CLAWED_BACK", db.one("SELECT state FROM ledger_commission WHERE commission_id = ?", c));
    }

    @Test
    void aMalformedCommissionEventIsRefusedWithoutEffect() {
        Affiliate a = Fixtures.approvedAffiliate();
        UUID c = UUID.randomUUID();
        for (String payload : List.of(
                "{\"commissionId\":\"" + c + "\",\"affiliateId\":\"" + a.affiliateId() + "\",\"amount\":-5}",
                "{\"commissionId\":\"" + c + "\",\"affiliateId\":\"" + a.affiliateId() + "\",\"amount\":12.5}",
                "{\"commissionId\":\"" + c + "\",\"affiliateId\":\"" + a.affiliateId() + "\",\"amount\":\"100\"}",
                "{\"commissionId\":\"nope\",\"affiliateId\":\"" + a.affiliateId() + "\",\"amount\":100}",
                "{\"commissionId\":\"" + c + "\",\"amount\":100}",
                "[1,2,3]")) {
            UUID eventId = UUID.randomUUID();
            SignedEvents.deliver(eventId, "affiliate.commission.created", c.toString(), payload)
                    .then().statusCode(400).contentType("application/problem+json");
            assertEquals(0, db.count("SELECT count(*) FROM inbox WHERE event_id = ?", eventId), payload);
        }
        assertEquals(0, db.count("SELECT count(*) FROM ledger_commission WHERE commission_id = ?", c));
        // the same commission claimed by another affiliate later is refused too
        Fixtures.created(a.affiliateId(), c, 10_000).then().statusCode(200);
        Fixtures.matured(UUID.randomUUID(), c, 10_000).then().statusCode(400);
        assertEquals("PENDING", db.one("SELECT state FROM ledger_commission WHERE commission_id = ?", c));
    }

    @Test
    void aPayoutThatEndsInsideACommissionSplitsItAndTheNextPayoutCompletesIt() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        UUID c1 = UUID.randomUUID(), c2 = UUID.randomUUID(), c3 = UUID.randomUUID();
        // delivered newest first: allocation follows the commissions' own creation time
        Fixtures.created(a.affiliateId(), c3, 400_000, t0.plusSeconds(300));
        Fixtures.created(a.affiliateId(), c2, 500_000, t0.plusSeconds(200));
        Fixtures.created(a.affiliateId(), c1, 600_000, t0.plusSeconds(100));
        for (UUID c : List.of(c3, c2, c1)) {
            Fixtures.matured(a.affiliateId(), c, c == c1 ? 600_000 : c == c2 ? 500_000 : 400_000);
        }
        String first = Fixtures.requestPayout(a, 1_000_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(first);
        Fixtures.markPaid(first, "TRX-SPLIT-1").then().statusCode(200)
                .body("commissions.commissionId", equalTo(List.of(c1.toString(), c2.toString())))
                .body("commissions.allocatedAmount", equalTo(List.of(600_000, 400_000)))
                .body("commissions.fullyPaid", equalTo(List.of(true, false)));
        assertBalance(a, 0, 500_000, 0, 1_000_000);
        assertEquals(List.of(c1.toString()), paidEventCommissionIds(first));

        String second = Fixtures.requestPayout(a, 500_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(second);
        Fixtures.markPaid(second, "TRX-SPLIT-2").then().statusCode(200);
        assertEquals(List.of(c2.toString(), c3.toString()), paidEventCommissionIds(second));
        assertEquals(List.of(List.of(c2, 100_000L, true), List.of(c3, 400_000L, true)),
                db.rows("SELECT commission_id, amount, fully_paid FROM payout_allocation WHERE payout_id = ?"
                        + " ORDER BY position", UUID.fromString(second)));
        assertBalance(a, 0, 0, 0, 1_500_000);
    }

    @Test
    void theAffiliateServicePayloadsAreReadAsTheyAre() {
        Affiliate a = Fixtures.approvedAffiliate();
        UUID c = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        String base = "\"commissionId\":\"" + c + "\",\"affiliateId\":\"" + a.affiliateId() + "\",\"orderId\":\""
                + order + "\",\"amount\":125000";
        Fixtures.event("affiliate.commission.created", c.toString(), "{" + base + ",\"orderNumber\":\"QT-2026-000123\","
                + "\"status\":\"PENDING\",\"rateBps\":500,\"salesAmount\":2500000,\"paidAt\":\"2026-10-01T03:00:00Z\"}")
                .then().statusCode(200);
        Fixtures.event("affiliate.commission.matured", c.toString(), "{" + base + ",\"status\":\"AVAILABLE\","
                + "\"availableAt\":\"2026-11-01T00:00:00Z\"}").then().statusCode(200);
        assertBalance(a, 0, 125_000, 0, 0);
        assertEquals(1, db.count("SELECT count(*) FROM ledger_commission WHERE commission_id = ? AND order_id = ?"
                + " AND rate_bps = 500 AND earned_at = '2026-10-01T03:00:00Z' AND available_at = '2026-11-01T00:00:00Z'",
                c, order));
        Fixtures.event("affiliate.commission.clawback", c.toString(), "{" + base + ",\"reason\":\"REFUNDED: damaged\","
                + "\"at\":\"2026-11-05T00:00:00Z\",\"payoutId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(200);
        Fixtures.event("affiliate.commission.voided", c.toString(), "{" + base + ",\"status\":\"VOIDED\","
                + "\"reason\":\"late\",\"voidedAt\":\"2026-11-06T00:00:00Z\",\"previousStatus\":\"AVAILABLE\"}")
                .then().statusCode(200);
        assertBalance(a, 0, 0, 0, 0);
        assertEquals(List.of(List.of("CLAWED_BACK", "REFUNDED: damaged")),
                db.rows("SELECT state, clawback_reason FROM ledger_commission WHERE commission_id = ?", c));
    }

    @SuppressWarnings("unchecked")
    private List<String> paidEventCommissionIds(String payoutId) {
        String payload = (String) db.one("SELECT payload::text FROM outbox WHERE event_type = 'payout.payout.paid'"
                + " AND aggregate_id = ?", payoutId);
        return io.restassured.path.json.JsonPath.from(payload).getList("commissionIds");
    }

    private static void assertBalance(Affiliate a, long pending, long available, long reserved, long paidOut) {
        assertEquals("{\"pending\":" + pending + ",\"available\":" + available + ",\"reserved\":" + reserved
                + ",\"paidOut\":" + paidOut + "}", Fixtures.balanceJson(a));
    }
}
