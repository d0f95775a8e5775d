package id.qutab.payout.accounts;

import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.payout.testsupport.Images;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BankAccountTest {

    @Inject
    TestDb db;

    @Test
    void theBankListCarriesCodesNamesAndAccountNumberLengths() {
        // Like every operation under /api/affiliate, the list is for affiliates (their bank-account form).
        given().get("/api/affiliate/bank-account/banks").then().statusCode(401);
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get("/api/affiliate/bank-account/banks")
                .then().statusCode(200)
                .body("code", hasItems("BCA", "BRI", "BNI", "MANDIRI", "BSI", "CIMB", "PERMATA", "DANAMON"))
                .body("find { it.code == 'BCA' }.accountNumberLengths", equalTo(java.util.List.of(10)))
                .body("find { it.code == 'BRI' }.accountNumberLengths", equalTo(java.util.List.of(15)))
                .body("find { it.code == 'CIMB' }.accountNumberLengths", equalTo(java.util.List.of(13, 14)))
                .body("find { it.code == 'MANDIRI' }.clearingCode", equalTo("008"));
    }

    @Test
    void anAccountOpensWithTheApprovalAndStartsUnverified() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(TestJwt.affiliate(user)).get("/api/affiliate/bank-account")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/no-payout-account"));

        Affiliate a = Fixtures.approvedAffiliate();
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then().statusCode(200)
                .body("verificationStatus", equalTo("UNVERIFIED")).body("ktpUploaded", equalTo(false))
                .body("bankCode", nullValue()).body("accountNumber", nullValue());
        assertEquals(1, db.count("SELECT count(*) FROM payout_account WHERE affiliate_id = ? AND user_id = ?",
                a.affiliateId(), a.userId()));
    }

    @Test
    void detailsAreMaskedForTheAffiliateAndTheNikIsSealedAtRest() {
        Affiliate a = Fixtures.approvedAffiliate();
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body(Map.of("bankCode", "bca", "bankName", "whatever", "accountNumber", "1234567890",
                        "accountHolder", "  Siti   Aminah ", "nik", "3201234567890001"))
                .put("/api/affiliate/bank-account").then().statusCode(200)
                .body("bankCode", equalTo("BCA")).body("bankName", equalTo("Bank Central Asia (BCA)"))
                .body("accountNumber", equalTo("******7890")).body("nik", equalTo("************0001"))
                .body("accountHolder", equalTo("Siti Aminah"))
                .body("verificationStatus", equalTo("UNVERIFIED")).body("ktpUploaded", equalTo(false));
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then().statusCode(200)
                .body("accountNumber", equalTo("******7890")).body("nik", equalTo("************0001"));

        String sealed = (String) db.one("SELECT nik_sealed FROM payout_account WHERE affiliate_id = ?", a.affiliateId());
        assertFalse(sealed.contains("3201234567890001"), sealed);
        assertTrue(sealed.startsWith("t2:"), sealed);
        assertEquals("1234567890", db.one("SELECT account_number FROM payout_account WHERE affiliate_id = ?",
                a.affiliateId()));
    }

    @Test
    void detailsPlusKtpArePendingAndAnAdminSeesThemUnmasked() {
        Affiliate a = Fixtures.approvedAffiliate();
        Fixtures.putBankDetails(a);
        Fixtures.uploadKtp(a.token(), Images.png(800, 500), "ktp.png", "image/png").then().statusCode(201)
                .body("verificationStatus", equalTo("PENDING")).body("ktpUploaded", equalTo(true));

        given().auth().oauth2(ADMIN).queryParam("status", "PENDING").queryParam("size", 100)
                .get("/api/admin/bank-accounts").then().statusCode(200)
                .body("items.verificationStatus", everyItem(equalTo("PENDING")))
                .body("items.affiliateId", hasItem(a.affiliateId().toString()));
        given().auth().oauth2(ADMIN).queryParam("affiliateId", a.affiliateId())
                .get("/api/admin/bank-accounts").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].accountNumber", equalTo("1234567890"))
                .body("items[0].nik", equalTo("3201234567890001"))
                .body("items[0].accountHolder", equalTo("Siti Aminah"))
                .body("items[0].userId", equalTo(a.userId().toString()))
                .body("items[0].ktpUploaded", equalTo(true))
                .body("items[0].bankName", equalTo("Bank Central Asia (BCA)"));
    }

    @Test
    void changingVerifiedDetailsResetsVerificationButRepeatingThemDoesNot() {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID account = a.accountId();
        Fixtures.putBankDetails(a); // the same details again
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then()
                .body("verificationStatus", equalTo("VERIFIED")).body("verifiedAt", notNullValue());

        Map<String, Object> changed = new HashMap<>(Fixtures.bankDetails());
        changed.put("bankCode", "BRI");
        changed.put("accountNumber", "123456789012345");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(changed)
                .put("/api/affiliate/bank-account").then().statusCode(200)
                .body("verificationStatus", equalTo("PENDING")).body("verifiedAt", nullValue());
        assertEquals("PENDING", db.one("SELECT verification_status FROM payout_account WHERE id = ?", account));
        assertEquals(3, ((Number) db.one("SELECT details_version FROM payout_account WHERE id = ?", account)).intValue());

        // a new KTP is a change too
        given().auth().oauth2(ADMIN).post("/api/admin/bank-accounts/" + account + "/verify").then().statusCode(200);
        Fixtures.uploadKtp(a.token(), Images.jpeg(700, 440), "new.jpg", "image/jpeg").then().statusCode(201)
                .body("verificationStatus", equalTo("PENDING"));
    }

    @Test
    void verifyAndRejectFollowTheReviewRules() {
        Affiliate a = Fixtures.approvedAffiliate();
        UUID account = a.accountId();
        // nothing to review yet
        given().auth().oauth2(ADMIN).post("/api/admin/bank-accounts/" + account + "/verify")
                .then().statusCode(409).body("type", equalTo("https://qutab.id/problems/illegal-transition"));
        Fixtures.putBankDetails(a);
        Fixtures.uploadKtp(a.token(), Images.jpeg(640, 400), "ktp.jpg", "image/jpeg").then().statusCode(201);
        int version = given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account)
                .then().statusCode(200).extract().path("detailsVersion");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post("/api/admin/bank-accounts/" + account + "/reject")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Name differs from the KTP"))
                .post("/api/admin/bank-accounts/" + account + "/reject").then().statusCode(200)
                .body("verificationStatus", equalTo("REJECTED"));
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then()
                .body("verificationStatus", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Name differs from the KTP"));

        // fixing the details puts it back in the queue; a verify of the version reviewed before is refused
        Map<String, Object> fixed = new HashMap<>(Fixtures.bankDetails());
        fixed.put("accountHolder", "Siti Aminah Putri");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(fixed)
                .put("/api/affiliate/bank-account").then().body("verificationStatus", equalTo("PENDING"))
                .body("rejectionReason", nullValue());
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("detailsVersion", version))
                .post("/api/admin/bank-accounts/" + account + "/verify")
                .then().statusCode(409).body("type", equalTo("https://qutab.id/problems/details-changed"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("detailsVersion", version + 1))
                .post("/api/admin/bank-accounts/" + account + "/verify")
                .then().statusCode(200).body("verificationStatus", equalTo("VERIFIED"))
                .body("verifiedBy", notNullValue());
    }

    @Test
    void badBankDetailsAre400WithTheFieldNamed() {
        Affiliate a = Fixtures.approvedAffiliate();
        put(a, with("bankCode", "NOPE")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("bankCode"));
        put(a, with("accountNumber", "12345678901")).then().statusCode(400)
                .body("errors.field", hasItem("accountNumber"))
                .body("errors.message", hasItem("BCA account numbers have 10 digits"));
        put(a, with("accountNumber", "12345abcde")).then().statusCode(400).body("errors.field", hasItem("accountNumber"));
        put(a, with("nik", "320123456789")).then().statusCode(400).body("errors.field", hasItem("nik"));
        put(a, with("accountHolder", "=HYPERLINK(\"x\")")).then().statusCode(400)
                .body("errors.field", hasItem("accountHolder"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"bankCode\":")
                .put("/api/affiliate/bank-account").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{}")
                .put("/api/affiliate/bank-account").then().statusCode(400)
                .body("errors.field", hasItems("bankCode", "accountNumber", "accountHolder", "nik"));
        given().auth().oauth2(a.token()).contentType(ContentType.TEXT).body("hello")
                .put("/api/affiliate/bank-account").then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then().body("bankCode", nullValue());
    }

    @Test
    void onlyAffiliatesHaveABankAccountAndOnlyAdminsReviewThem() {
        UUID someone = UUID.randomUUID();
        given().get("/api/affiliate/bank-account").then().statusCode(401);
        given().auth().oauth2(TestJwt.customer(someone)).get("/api/affiliate/bank-account").then().statusCode(403);
        given().auth().oauth2(TestJwt.customer(someone)).contentType(ContentType.JSON).body(Fixtures.bankDetails())
                .put("/api/affiliate/bank-account").then().statusCode(403);
        Affiliate a = Fixtures.approvedAffiliate();
        given().auth().oauth2(a.token()).get("/api/admin/bank-accounts").then().statusCode(403);
        given().auth().oauth2(a.token()).post("/api/admin/bank-accounts/" + a.accountId() + "/verify")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(ADMIN).queryParam("status", "SOMETHING").get("/api/admin/bank-accounts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        // a user without an approved application cannot give bank details
        given().auth().oauth2(TestJwt.affiliate(someone)).contentType(ContentType.JSON).body(Fixtures.bankDetails())
                .put("/api/affiliate/bank-account").then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/affiliate-not-approved"));
    }

    private static io.restassured.response.Response put(Affiliate a, Map<String, Object> body) {
        return given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(body).put("/api/affiliate/bank-account");
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(Fixtures.bankDetails());
        body.put(field, value);
        return body;
    }
}
