package id.qutab.payout.payouts;

import id.qutab.testing.TestDb;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.qutab.platform.reports.Csv;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import io.quarkus.mailer.Mail;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Admin processing: the queue, the transitions and their events, the transfer batch, statements and mails. Checked
 * through HTTP and the database, so that they also run against the packaged app ({@link AdminPayoutIT}); the mails
 * are read where the mock mailbox is, in the app's own process ({@link AdminPayoutTest}).
 */
abstract class AdminPayoutChecks {

    /** The app's database over the test JVM's own connection. */
    final TestDb db = TestDb.ofAppUnderTest();

    /**
     * The mails sent to {@code email} once there are at least {@code count}; empty where the test cannot see the app's
     * mock mailbox (it is in another process).
     */
    abstract Optional<List<Mail>> mailsTo(String email, int count);

    @Test
    void paidPayoutsCarryTheirCommissionsOldestFirstInTheEventTheStatementAndTheMail() throws Exception {
        Affiliate a = Fixtures.verifiedAffiliate();
        String email = "aff-" + a.userId() + "@example.id";
        Fixtures.event("identity.user.registered", a.userId().toString(), "{\"userId\":\"" + a.userId()
                + "\",\"name\":\"Siti Aminah\",\"email\":\"" + email + "\",\"roles\":[\"affiliate\"],\"locale\":\"id\"}");
        UUID c1 = Fixtures.availableCommission(a.affiliateId(), 120_000);
        UUID c2 = Fixtures.availableCommission(a.affiliateId(), 80_000);
        String id = Fixtures.requestPayout(a, 200_000, null).then().statusCode(201).extract().path("id");

        given().auth().oauth2(ADMIN).queryParam("status", "REQUESTED").queryParam("affiliateId", a.affiliateId())
                .get("/api/admin/payouts").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].accountNumber", equalTo("1234567890"))
                .body("items[0].accountHolder", equalTo("Siti Aminah"));
        // paying before approving is an illegal transition
        Fixtures.markPaid(id, "TRX-1").then().statusCode(409)
                .body("type", equalTo("https://qutab.id/problems/illegal-transition"));
        Fixtures.approve(id);
        Fixtures.approve(id); // again: harmless
        Fixtures.markPaid(id, "BCA 2026/11/21-0001").then().statusCode(200).body("status", equalTo("PAID"))
                .body("transferReference", equalTo("BCA 2026/11/21-0001"))
                .body("commissions.commissionId", equalTo(List.of(c1.toString(), c2.toString())));
        Fixtures.markPaid(id, "BCA 2026/11/21-0001").then().statusCode(200); // the same again: harmless
        Fixtures.markPaid(id, "ANOTHER-REF").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/admin/payouts/" + id + "/fail").then().statusCode(409);

        // one event, recorded once per subscriber (affiliate: commissions PAID; identity: the WhatsApp message)
        assertEquals(List.of(List.of("affiliate", 1L), List.of("identity", 1L)), db.rows("SELECT destination, count(*)"
                + " FROM outbox WHERE aggregate_id = ? AND event_type = 'payout.payout.paid' GROUP BY destination"
                + " ORDER BY destination", id));
        assertEquals(1, db.count("SELECT count(DISTINCT event_id) FROM outbox WHERE aggregate_id = ?"
                + " AND event_type = 'payout.payout.paid'", id), "one paid event however often it was marked");
        List<List<Object>> paid = db.rows("SELECT payload::text FROM outbox WHERE aggregate_id = ?"
                + " AND event_type = 'payout.payout.paid' AND destination = 'affiliate'", id);
        JsonPath event = JsonPath.from((String) paid.get(0).get(0));
        assertEquals(id, event.getString("payoutId"));
        assertEquals(a.affiliateId().toString(), event.getString("affiliateId"));
        assertEquals(a.userId().toString(), event.getString("userId"));
        assertEquals(200_000, event.getInt("amount"));
        assertEquals("BCA 2026/11/21-0001", event.getString("transferReference"));
        assertEquals(List.of(c1.toString(), c2.toString()), event.getList("commissionIds"));
        assertTrue(event.getString("paidAt").startsWith("20"));
        assertEquals(0, event.getInt("unallocatedAmount"));

        byte[] pdf = given().auth().oauth2(a.token()).get("/api/affiliate/payouts/" + id + "/statement.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = textOf(pdf);
        assertTrue(text.contains("BCA 2026/11/21-0001"), text);
        assertTrue(text.contains(c1.toString()) && text.contains(c2.toString()), text);
        assertTrue(text.contains("Rp 200.000") && text.contains("******7890"), text);
        assertTrue(text.contains("Period"), text);
        byte[] adminPdf = given().auth().oauth2(ADMIN).get("/api/admin/payouts/" + id + "/statement.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertTrue(textOf(adminPdf).contains("BCA 2026/11/21-0001"));

        mailsTo(email, 1).ifPresent(mails -> {
            assertTrue(mails.get(0).getSubject().contains("ditransfer"), mails.get(0).getSubject());
            assertTrue(mails.get(0).getText().contains("Rp 200.000") && mails.get(0).getText().contains("BCA 2026/11/21-0001"),
                    mails.get(0).getText());
        });
    }

    @Test
    void aStatementExistsOnlyOncePaid() {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 150_000);
        String id = Fixtures.requestPayout(a, 150_000, null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(a.token()).get("/api/affiliate/payouts/" + id + "/statement.pdf").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://qutab.id/problems/not-paid"));
        given().auth().oauth2(ADMIN).get("/api/admin/payouts/" + UUID.randomUUID() + "/statement.pdf")
                .then().statusCode(404);
    }

    @Test
    void failedAndRejectedPayoutsAreMailedAndPublished() {
        Affiliate a = Fixtures.verifiedAffiliate();
        String email = "aff-" + a.userId() + "@example.id";
        Fixtures.event("identity.user.registered", a.userId().toString(), "{\"userId\":\"" + a.userId()
                + "\",\"name\":\"Budi\",\"email\":\"" + email + "\",\"locale\":\"en\"}");
        Fixtures.availableCommission(a.affiliateId(), 300_000);
        String first = Fixtures.requestPayout(a, 100_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(first);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Account closed"))
                .post("/api/admin/payouts/" + first + "/fail").then().statusCode(200).body("status", equalTo("FAILED"));
        String second = Fixtures.requestPayout(a, 100_000, null).then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", "Duplicate request"))
                .post("/api/admin/payouts/" + second + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"));
        given().auth().oauth2(ADMIN).post("/api/admin/payouts/" + second + "/approve").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .post("/api/admin/payouts/" + second + "/fail").then().statusCode(400);

        JsonPath failed = JsonPath.from((String) db.one("SELECT payload::text FROM outbox WHERE aggregate_id = ?"
                + " AND event_type = 'payout.payout.failed'", first));
        assertEquals("Account closed", failed.getString("reason"));
        assertEquals(100_000, failed.getInt("amount"));
        JsonPath rejected = JsonPath.from((String) db.one("SELECT payload::text FROM outbox WHERE aggregate_id = ?"
                + " AND event_type = 'payout.payout.rejected'", second));
        assertEquals("Duplicate request", rejected.getString("reason"));

        mailsTo(email, 2).ifPresent(mails -> {
            assertTrue(mails.stream().anyMatch(m -> m.getSubject().contains("failed") && m.getText().contains("Account closed")));
            assertTrue(mails.stream().anyMatch(m -> m.getSubject().contains("rejected")));
        });
    }

    @Test
    void theTransferBatchIsProperCsvOfApprovedPayouts() {
        Affiliate a = Fixtures.approvedAffiliate();
        Map<String, Object> details = new HashMap<>(Fixtures.bankDetails());
        details.put("accountHolder", "Aminah, S.Pd \"Ami\"".replace("\"", "'"));
        details.put("bankCode", "MANDIRI");
        details.put("accountNumber", "0012345678901");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body(details)
                .put("/api/affiliate/bank-account").then().statusCode(200);
        Fixtures.uploadKtp(a.token(), id.qutab.payout.testsupport.Images.jpeg(640, 400), "k.jpg", "image/jpeg")
                .then().statusCode(201);
        given().auth().oauth2(ADMIN).post("/api/admin/bank-accounts/" + a.accountId() + "/verify").then().statusCode(200);
        Fixtures.availableCommission(a.affiliateId(), 250_000);
        String id = Fixtures.requestPayout(a, 250_000, null).then().statusCode(201).extract().path("id");

        String before = csv("APPROVED");
        assertTrue(!before.contains(id), "a requested payout is not in the approved batch");
        Fixtures.approve(id);
        String csv = given().auth().oauth2(ADMIN).get("/api/admin/payouts/export.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", startsWith("attachment"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("bank_code,account_number,account_holder,amount,payout_id,bank_name,clearing_code,affiliate_id,"
                + "requested_at,approved_at", lines[0]);
        String line = java.util.Arrays.stream(lines).filter(l -> l.contains(id)).findFirst().orElseThrow();
        assertTrue(line.startsWith("MANDIRI,0012345678901,\"Aminah, S.Pd 'Ami'\",250000," + id + ",Bank Mandiri,008,"
                + a.affiliateId() + ","), line);
        given().auth().oauth2(ADMIN).queryParam("status", "NOPE").get("/api/admin/payouts/export.csv")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(a.token()).get("/api/admin/payouts/export.csv").then().statusCode(403);
    }

    @Test
    void csvFieldsAreEscapedAndFormulasDefused() {
        assertEquals("plain", Csv.escape("plain"));
        assertEquals("\"a,b\"", Csv.escape("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.escape("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.escape("two\nlines"));
        assertEquals("'=SUM(A1)", Csv.escape("=SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", Csv.escape("=HYPERLINK(\"x\",\"y\")"));
        assertEquals("'@cmd", Csv.escape("@cmd"));
    }

    @Test
    void theAdminListFiltersByStatusAndValidatesIt() {
        given().auth().oauth2(ADMIN).queryParam("status", "PAID").queryParam("size", 100).get("/api/admin/payouts")
                .then().statusCode(200).body("items.status", everyItem(equalTo("PAID")));
        given().auth().oauth2(ADMIN).queryParam("status", "paid").get("/api/admin/payouts").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("status", "GONE").get("/api/admin/payouts").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        given().auth().oauth2(ADMIN).queryParam("affiliateId", "x").get("/api/admin/payouts").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/api/admin/payouts/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ADMIN).post("/api/admin/payouts/" + UUID.randomUUID() + "/approve").then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("transferReference", "<script>"))
                .post("/api/admin/payouts/" + UUID.randomUUID() + "/mark-paid").then().statusCode(400)
                .body("errors.field", hasItem("transferReference"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/payouts/" + UUID.randomUUID() + "/mark-paid").then().statusCode(400);
        given().auth().oauth2(ADMIN).get("/api/admin/payouts").then().statusCode(200)
                .body("items.id", not(hasItem((Object) null)));
    }

    private static String csv(String status) {
        return given().auth().oauth2(ADMIN).queryParam("status", status).get("/api/admin/payouts/export.csv")
                .then().statusCode(200).extract().asString();
    }

    private static String textOf(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
