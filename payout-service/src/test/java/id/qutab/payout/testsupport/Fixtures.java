package id.qutab.payout.testsupport;

import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestJwt;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

/**
 * Builds the situations the tests need through the service's own doors: events delivered like a relay would,
 * and the HTTP API with test tokens. Every call makes fresh ids, so tests never see each other's data.
 */
public final class Fixtures {

    public static final String ADMIN = TestJwt.admin();

    private Fixtures() {
    }

    /** An affiliate user: the ids and a token for them. */
    public record Affiliate(UUID userId, UUID affiliateId, String token) {
        public UUID accountId() {
            return UUID.fromString(given().auth().oauth2(ADMIN).queryParam("affiliateId", affiliateId)
                    .get("/api/admin/bank-accounts").then().statusCode(200).body("total", equalTo(1))
                    .extract().path("items[0].id"));
        }
    }

    /** A user with the affiliate role whose application was approved: the payout account is open. */
    public static Affiliate approvedAffiliate() {
        UUID userId = UUID.randomUUID();
        UUID affiliateId = UUID.randomUUID();
        event("affiliate.application.approved", affiliateId.toString(),
                "{\"affiliateId\":\"" + affiliateId + "\",\"userId\":\"" + userId + "\",\"code\":\"C"
                        + affiliateId.toString().substring(0, 6) + "\"}");
        return new Affiliate(userId, affiliateId, TestJwt.affiliate(userId));
    }

    public static Map<String, Object> bankDetails() {
        return Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountHolder", "Siti Aminah",
                "nik", "3201234567890001");
    }

    public static void putBankDetails(Affiliate a) {
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(bankDetails())
                .put("/api/affiliate/bank-account").then().statusCode(200);
    }

    public static Response uploadKtp(String token, byte[] bytes, String fileName, String mimeType) {
        return given().auth().oauth2(token).multiPart("file", fileName, bytes, mimeType)
                .post("/api/affiliate/bank-account/ktp");
    }

    /** Approved, bank details given, KTP uploaded, verified by an admin: ready to request payouts. */
    public static Affiliate verifiedAffiliate() {
        Affiliate a = approvedAffiliate();
        putBankDetails(a);
        uploadKtp(a.token(), Images.jpeg(640, 400), "ktp.jpg", "image/jpeg").then().statusCode(201);
        given().auth().oauth2(ADMIN).post("/api/admin/bank-accounts/" + a.accountId() + "/verify")
                .then().statusCode(200).body("verificationStatus", equalTo("VERIFIED"));
        return a;
    }

    // --- commission events ------------------------------------------------------------------------

    public static Response created(UUID affiliateId, UUID commissionId, long amount) {
        return commission("created", affiliateId, commissionId, amount, ",\"status\":\"PENDING\",\"rateBps\":500");
    }

    public static Response created(UUID affiliateId, UUID commissionId, long amount, java.time.Instant createdAt) {
        return commission("created", affiliateId, commissionId, amount,
                ",\"status\":\"PENDING\",\"createdAt\":\"" + createdAt + "\"");
    }

    public static Response matured(UUID affiliateId, UUID commissionId, long amount) {
        return commission("matured", affiliateId, commissionId, amount, ",\"status\":\"AVAILABLE\"");
    }

    public static Response voided(UUID affiliateId, UUID commissionId, long amount) {
        return commission("voided", affiliateId, commissionId, amount, ",\"status\":\"VOIDED\",\"reason\":\"REFUNDED\"");
    }

    public static Response clawback(UUID affiliateId, UUID commissionId, long amount) {
        return commission("clawback", affiliateId, commissionId, amount, ",\"reason\":\"refunded after payout\"");
    }

    /** A commission that was created and has matured: available. */
    public static UUID availableCommission(UUID affiliateId, long amount) {
        UUID id = UUID.randomUUID();
        created(affiliateId, id, amount).then().statusCode(200);
        matured(affiliateId, id, amount).then().statusCode(200);
        return id;
    }

    private static Response commission(String verb, UUID affiliateId, UUID commissionId, long amount, String extra) {
        return event("affiliate.commission." + verb, commissionId.toString(),
                "{\"commissionId\":\"" + commissionId + "\",\"affiliateId\":\"" + affiliateId
                        + "\",\"orderId\":\"" + UUID.nameUUIDFromBytes(commissionId.toString().getBytes())
                        + "\",\"amount\":" + amount + extra + "}");
    }

    public static Response event(String type, String aggregateId, String payload) {
        Response response = SignedEvents.deliver(UUID.randomUUID(), type, aggregateId, payload);
        response.then().statusCode(is(oneOf(200, 400, 503)));
        return response;
    }

    // --- reading back -------------------------------------------------------------------------------

    public static String balanceJson(Affiliate a) {
        return given().auth().oauth2(a.token()).get("/api/affiliate/balance").then().statusCode(200)
                .extract().asString();
    }

    public static Response requestPayout(Affiliate a, long amount, String idempotencyKey) {
        var request = given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"amount\":" + amount + "}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/affiliate/payouts");
    }

    public static void approve(String payoutId) {
        given().auth().oauth2(ADMIN).post("/api/admin/payouts/" + payoutId + "/approve").then().statusCode(200);
    }

    public static Response markPaid(String payoutId, String reference) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("transferReference", reference)).post("/api/admin/payouts/" + payoutId + "/mark-paid");
    }
}
