package id.qutab.payout.payouts;

import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.payout.testsupport.Images;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rules of POST /api/affiliate/payouts, one slug each, and what a request leaves behind. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PayoutRequestTest {

    private static final String PROBLEMS = "https://qutab.id/problems/";

    @Inject
    TestDb db;

    @Test
    void aRequestReservesTheAmountSnapshotsTheAccountAndRecordsTheEvent() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 300_000);
        io.restassured.response.Response created = Fixtures.requestPayout(a, 250_000, "key-1");
        String id = created.then().statusCode(201)
                .body("amount", equalTo(250_000)).body("status", equalTo("REQUESTED"))
                .body("bankCode", equalTo("BCA")).body("accountNumber", equalTo("******7890"))
                .extract().path("id");
        assertEquals(true, created.header("Location").endsWith("/api/affiliate/payouts/" + id), created.header("Location"));

        UUID payoutId = UUID.fromString(id);
        assertEquals(List.of(List.of(a.affiliateId(), 250_000L, "REQUESTED", "BCA", "1234567890", "Siti Aminah",
                        300_000L, "key-1")),
                db.rows("SELECT affiliate_id, amount, status, bank_code, account_number, account_holder,"
                        + " available_before, idempotency_key FROM payout WHERE id = ?", payoutId));
        List<List<Object>> outbox = db.rows("SELECT destination, event_type, payload::text FROM outbox"
                + " WHERE aggregate_id = ?", id);
        assertEquals(1, outbox.size());
        assertEquals("affiliate", outbox.get(0).get(0));
        assertEquals("payout.payout.requested", outbox.get(0).get(1));
        JsonPath payload = JsonPath.from((String) outbox.get(0).get(2));
        assertEquals(id, payload.getString("payoutId"));
        assertEquals(a.affiliateId().toString(), payload.getString("affiliateId"));
        assertEquals(250_000, payload.getInt("amount"));

        // the history shows it; the detail too
        given().auth().oauth2(a.token()).get("/api/affiliate/payouts").then().statusCode(200)
                .body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("items[0].id", equalTo(id)).body("items[0].commissions", nullValue());
        given().auth().oauth2(a.token()).get("/api/affiliate/payouts/" + id).then().statusCode(200)
                .body("status", equalTo("REQUESTED")).body("commissions", equalTo(List.of()));
    }

    @Test
    void belowMinimumUnverifiedNoAccountAboveAvailableAndASecondOpenRequestAreEach422() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 500_000);

        refused(a, 99_999, "below-minimum");
        refused(a, 500_001, "insufficient-balance");
        Fixtures.requestPayout(a, 100_000, null).then().statusCode(201);
        refused(a, 100_000, "open-payout-exists");

        Affiliate pending = Fixtures.approvedAffiliate();
        Fixtures.putBankDetails(pending);
        Fixtures.uploadKtp(pending.token(), Images.jpeg(640, 400), "k.jpg", "image/jpeg").then().statusCode(201);
        Fixtures.availableCommission(pending.affiliateId(), 500_000);
        refused(pending, 200_000, "account-not-verified");

        Affiliate rejected = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(rejected.affiliateId(), 500_000);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "fraud suspicion"))
                .post("/api/admin/bank-accounts/" + rejected.accountId() + "/reject").then().statusCode(200);
        refused(rejected, 200_000, "account-not-verified");

        Affiliate nobody = new Affiliate(UUID.randomUUID(), UUID.randomUUID(), TestJwt.affiliate(UUID.randomUUID()));
        refused(nobody, 200_000, "affiliate-not-approved");

        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id IN (?, ?, ?)",
                a.affiliateId(), pending.affiliateId(), rejected.affiliateId()));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSamePayoutAndAnotherAmountIs422() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 400_000);
        String first = Fixtures.requestPayout(a, 150_000, "abc-123").then().statusCode(201).extract().path("id");
        Fixtures.requestPayout(a, 150_000, "abc-123").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        Fixtures.requestPayout(a, 160_000, "abc-123").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        // keys are per affiliate: another affiliate may use the same one
        Affiliate b = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(b.affiliateId(), 400_000);
        Fixtures.requestPayout(b, 150_000, "abc-123").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(equalTo(first)));
        // malformed keys
        Fixtures.requestPayout(a, 150_000, "x".repeat(101)).then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
        Fixtures.requestPayout(a, 150_000, "with space").then().statusCode(400);
        assertEquals(1, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ?", a.affiliateId()));
    }

    @Test
    void hostileBodiesAre4xxProblems() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 400_000);
        for (String body : List.of("{\"amount\":\"150000\"}", "{\"amount\":150000.5}", "{\"amount\":-150000}",
                "{\"amount\":0}", "{}", "{\"amount\":null}", "{\"amount\":1e30}", "{\"amount\":99999999999999999999}",
                "[150000]", "{\"amount\":", "null", "{\"amount\":true}")) {
            given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).post("/api/affiliate/payouts")
                    .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        }
        given().auth().oauth2(a.token()).contentType(ContentType.XML).body("<amount>150000</amount>")
                .post("/api/affiliate/payouts").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"amount\":" + "9".repeat(2_000_000) + "}")
                .post("/api/affiliate/payouts").then().statusCode(org.hamcrest.Matchers.oneOf(400, 413))
                .contentType("application/problem+json");
        given().auth().oauth2(a.token()).queryParam("status", "LOST").get("/api/affiliate/payouts")
                .then().statusCode(400);
        given().auth().oauth2(a.token()).queryParam("size", 1000).get("/api/affiliate/payouts").then().statusCode(400);
        given().auth().oauth2(a.token()).get("/api/affiliate/payouts/12345").then().statusCode(400);
        assertEquals(0, db.count("SELECT count(*) FROM payout WHERE affiliate_id = ?", a.affiliateId()));
    }

    @Test
    void payoutsAndStatementsBelongToTheirAffiliate() {
        Affiliate owner = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(owner.affiliateId(), 200_000);
        String id = Fixtures.requestPayout(owner, 200_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(id);
        Fixtures.markPaid(id, "TRX-OWN-1").then().statusCode(200);
        Affiliate other = Fixtures.verifiedAffiliate();

        given().auth().oauth2(other.token()).get("/api/affiliate/payouts/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other.token()).get("/api/affiliate/payouts/" + id + "/statement.pdf").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(other.token()).get("/api/affiliate/payouts").then().statusCode(200).body("total", equalTo(0));
        String customer = TestJwt.customer(owner.userId());
        given().auth().oauth2(customer).get("/api/affiliate/payouts/" + id).then().statusCode(403);
        given().auth().oauth2(customer).get("/api/affiliate/balance").then().statusCode(403);
        given().auth().oauth2(owner.token()).get("/api/admin/payouts/" + id).then().statusCode(403);
        given().auth().oauth2(owner.token()).get("/api/admin/payouts/" + id + "/statement.pdf").then().statusCode(403);
        given().auth().oauth2(owner.token()).post("/api/admin/payouts/" + id + "/approve").then().statusCode(403);
        given().get("/api/affiliate/payouts").then().statusCode(401);

        given().auth().oauth2(owner.token()).get("/api/affiliate/payouts/" + id + "/statement.pdf").then()
                .statusCode(200).contentType("application/pdf");
        given().auth().oauth2(owner.token()).get("/api/affiliate/payouts/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anAffiliateWithoutAnAccountHasAZeroBalanceAndNoPayouts() {
        String token = TestJwt.affiliate(UUID.randomUUID());
        assertEquals("{\"pending\":0,\"available\":0,\"reserved\":0,\"paidOut\":0}",
                given().auth().oauth2(token).get("/api/affiliate/balance").then().statusCode(200).extract().asString());
        given().auth().oauth2(token).get("/api/affiliate/payouts").then().statusCode(200).body("total", equalTo(0));
    }

    private static void refused(Affiliate a, long amount, String slug) {
        Fixtures.requestPayout(a, amount, null).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + slug)).body("status", equalTo(422));
    }
}
