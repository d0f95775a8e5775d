package id.qutab.payout.payouts;

import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transfer batch is bounded by a range of request dates (Asia/Jakarta, both ends inclusive, at most 366 days,
 * defaulting to the 366 days up to today) and streamed from a database cursor.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PayoutCsvExportTest {

    private static final String HEADER = "bank_code,account_number,account_holder,amount,payout_id,bank_name,"
            + "clearing_code,affiliate_id,requested_at,approved_at";

    @Inject
    TestDb db;

    /** An approved payout of 150 000 whose request time is then moved to {@code requestedAt}. */
    private String approvedPayoutRequestedAt(Instant requestedAt) {
        Affiliate a = Fixtures.verifiedAffiliate();
        Fixtures.availableCommission(a.affiliateId(), 150_000);
        String id = Fixtures.requestPayout(a, 150_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(id);
        db.exec("UPDATE payout SET requested_at = ?::timestamptz WHERE id = ?::uuid", requestedAt.toString(), id);
        return id;
    }

    private String line(String payoutId) {
        List<Object> p = db.rows("SELECT affiliate_id, requested_at, approved_at FROM payout WHERE id = ?::uuid",
                payoutId).get(0);
        return "BCA,1234567890,Siti Aminah,150000," + payoutId + ",Bank Central Asia (BCA),014," + p.get(0) + ","
                + instant(p.get(1)) + "," + instant(p.get(2));
    }

    private static String instant(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toInstant().toString();
    }

    @Test
    void onlyPayoutsRequestedInTheRangeOldestFirstByJakartaDays() {
        String january = approvedPayoutRequestedAt(Instant.parse("2025-01-10T03:00:00Z"));
        // 00:30 on 1 July in Jakarta, still 30 June in UTC
        String july = approvedPayoutRequestedAt(Instant.parse("2025-06-30T17:30:00Z"));
        String today = approvedPayoutRequestedAt(Instant.now());

        assertEquals(HEADER + "\r\n" + line(january) + "\r\n", export(Map.of("from", "2025-01-01", "to", "2025-06-30")));
        assertEquals(HEADER + "\r\n" + line(july) + "\r\n", export(Map.of("from", "2025-07-01", "to", "2025-07-01")));
        assertEquals(HEADER + "\r\n" + line(january) + "\r\n" + line(july) + "\r\n",
                export(Map.of("from", "2025-01-10", "to", "2025-07-01")));
        // only "to": the 366 days up to it
        assertEquals(HEADER + "\r\n" + line(january) + "\r\n" + line(july) + "\r\n", export(Map.of("to", "2025-07-01")));
        // only "from": the 366 days from it
        assertEquals(HEADER + "\r\n" + line(january) + "\r\n" + line(july) + "\r\n", export(Map.of("from", "2025-01-10")));
        // exactly 366 days, both ends inclusive
        assertEquals(HEADER + "\r\n" + line(january) + "\r\n" + line(july) + "\r\n",
                export(Map.of("from", "2024-07-01", "to", "2025-07-01")));
        assertEquals(HEADER + "\r\n" + line(july) + "\r\n", export(Map.of("from", "2025-01-11", "to", "2026-01-11")));
        // the status filter still applies inside the range
        assertEquals(HEADER + "\r\n", export(Map.of("status", "PAID", "from", "2025-01-01", "to", "2025-07-31")));

        // no range: the 366 days up to today (Jakarta), so last year's history is not part of today's batch
        String batch = export(Map.of());
        assertTrue(batch.startsWith(HEADER + "\r\n"), batch);
        assertTrue(batch.contains(line(today) + "\r\n"), batch);
        assertFalse(batch.contains(january), batch);
        assertFalse(batch.contains(july), batch);
    }

    @Test
    void aLargeBatchStreamsEveryRowInOrder() {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID accountId = a.accountId();
        int rows = 2_500; // several fetches of the cursor
        db.exec("INSERT INTO payout (id, affiliate_id, account_id, amount, status, bank_code, account_number,"
                + " account_holder, available_before, ledger_position, requested_at, approved_at)"
                + " SELECT gen_random_uuid(), gen_random_uuid(), ?, 100000 + n, 'APPROVED', 'BNI', '0123456789',"
                + " 'Holder ' || n, 100000 + n, 0, timestamptz '2024-03-01 00:00:00+07' + n * interval '1 minute',"
                + " timestamptz '2024-03-05 00:00:00+07' FROM generate_series(1, ?) AS n", accountId, rows);

        Response response = given().auth().oauth2(ADMIN).queryParam("from", "2024-03-01").queryParam("to", "2024-03-03")
                .get("/api/admin/payouts/export.csv");
        response.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment"));
        assertEquals(null, response.header("Content-Length"), "streamed, not buffered");
        String[] lines = response.asString().split("\r\n");
        assertEquals(rows + 1, lines.length);
        assertEquals(HEADER, lines[0]);
        List<String> holders = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",");
            assertEquals("BNI", fields[0]);
            assertEquals(Long.toString(100_000 + i), fields[3], lines[i]);
            holders.add(fields[2]);
        }
        assertEquals("Holder 1", holders.get(0));
        assertEquals("Holder " + rows, holders.get(rows - 1));
    }

    @Test
    void rangesOutsideTheBoundsAreRefusedWith400() {
        refused(Map.of("from", "2025-07-02", "to", "2025-07-01"), "from");
        refused(Map.of("from", "2025-01-01", "to", "2026-01-02"), "to"); // 367 days
        refused(Map.of("from", "1999-12-31", "to", "2000-01-01"), "from");
        refused(Map.of("from", "2025-13-01"), "from");
        refused(Map.of("to", "yesterday"), "to");
        refused(Map.of("from", "2025-1-1"), "from");
        refused(Map.of("from", "+999999999-12-31"), "from");
        refused(Map.of("to", "0000-01-01"), "to");
        refused(Map.of("to", "2025-01-01\u0000"), "to");
        refused(Map.of("from", " "), "from");
        given().auth().oauth2(ADMIN).queryParam("status", "NOPE").get("/api/admin/payouts/export.csv")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void refused(Map<String, String> params, String field) {
        given().auth().oauth2(ADMIN).queryParams(new HashMap<>(params)).get("/api/admin/payouts/export.csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body("status", equalTo(400));
    }

    private static String export(Map<String, String> params) {
        return given().auth().oauth2(ADMIN).queryParams(new HashMap<>(params)).get("/api/admin/payouts/export.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
    }
}
