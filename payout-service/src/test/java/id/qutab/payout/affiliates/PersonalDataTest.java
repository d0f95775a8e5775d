package id.qutab.payout.affiliates;

import id.qutab.payout.ktp.KtpVault;
import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The contact projection (identity.user.*), and what identity.user.deleted erases and keeps. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PersonalDataTest {

    @Inject
    TestDb db;

    @Inject
    KtpVault vault;

    @Test
    void anOlderUserEventNeverOverwritesANewerOne() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.now();
        deliver("identity.user.updated", user, now, "{\"userId\":\"" + user + "\",\"name\":\"New Name\","
                + "\"email\":\"new@example.id\",\"locale\":\"en\"}");
        deliver("identity.user.registered", user, now.minusSeconds(60), "{\"userId\":\"" + user
                + "\",\"name\":\"Old Name\",\"email\":\"old@example.id\",\"locale\":\"id\"}");
        assertEquals(List.of(List.of("New Name", "new@example.id", "en")),
                db.rows("SELECT name, email, locale FROM user_contact WHERE user_id = ?", user));
    }

    @Test
    void deletingTheUserErasesPersonalDataButKeepsTheRecordOfMoneyThatMoved() throws Exception {
        Affiliate a = Fixtures.verifiedAffiliate();
        UUID account = a.accountId();
        deliver("identity.user.registered", a.userId(), Instant.now(), "{\"userId\":\"" + a.userId()
                + "\",\"name\":\"Siti Aminah\",\"email\":\"siti-" + a.userId() + "@example.id\"}");
        Fixtures.availableCommission(a.affiliateId(), 500_000);
        String paid = Fixtures.requestPayout(a, 200_000, null).then().statusCode(201).extract().path("id");
        Fixtures.approve(paid);
        Fixtures.markPaid(paid, "TRX-KEEP-1").then().statusCode(200);
        String open = Fixtures.requestPayout(a, 300_000, null).then().statusCode(201).extract().path("id");
        String ktpFile = (String) db.one("SELECT storage_name FROM ktp_document WHERE account_id = ?", account);

        deliver("identity.user.deleted", a.userId(), Instant.now(), "{\"userId\":\"" + a.userId() + "\"}");

        // the account keeps its ids, loses the person
        List<Object> row = db.rows("SELECT account_number, account_holder, nik_sealed, verification_status,"
                + " anonymized_at, affiliate_id, bank_code FROM payout_account WHERE id = ?", account).get(0);
        assertEquals(Arrays.asList(null, null, null, "UNVERIFIED"), row.subList(0, 4));
        assertNotNull(row.get(4));
        assertEquals(a.affiliateId(), row.get(5));
        // the KTP is gone from disk, and not readable any more
        assertFalse(Files.exists(vault.directory().resolve(ktpFile)));
        assertEquals(1, db.count("SELECT count(*) FROM ktp_document WHERE account_id = ? AND erased_at IS NOT NULL",
                account));
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp").then().statusCode(404);
        // the open payout is rejected and forgets the bank details; the paid one keeps them (bookkeeping)
        assertEquals(List.of(List.of("REJECTED", "account-deleted")),
                db.rows("SELECT status, rejection_reason FROM payout WHERE id = ?", UUID.fromString(open)));
        assertEquals(Arrays.asList(null, null), db.rows("SELECT account_number, account_holder FROM payout WHERE id = ?",
                UUID.fromString(open)).get(0));
        assertEquals(List.of(List.of("PAID", "1234567890", "Siti Aminah", "TRX-KEEP-1")),
                db.rows("SELECT status, account_number, account_holder, transfer_reference FROM payout WHERE id = ?",
                        UUID.fromString(paid)));
        assertEquals(1, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = ? AND event_type = 'payout.payout.rejected'",
                open));
        // the contact is gone and stays gone
        deliver("identity.user.updated", a.userId(), Instant.now().plusSeconds(5), "{\"userId\":\"" + a.userId()
                + "\",\"name\":\"Back Again\",\"email\":\"back@example.id\"}");
        List<Object> contact = db.rows("SELECT name, email, deleted_at FROM user_contact WHERE user_id = ?",
                a.userId()).get(0);
        assertNull(contact.get(0));
        assertNull(contact.get(1));
        assertNotNull(contact.get(2));
        // the ledger is untouched: what was paid stays paid, the rejected amount is available again
        assertEquals("{\"pending\":0,\"available\":300000,\"reserved\":0,\"paidOut\":200000}", Fixtures.balanceJson(a));
        given().auth().oauth2(a.token()).get("/api/affiliate/bank-account").then().statusCode(200)
                .body("accountNumber", nullValue()).body("nik", nullValue()).body("ktpUploaded", equalTo(false));
    }

    private static void deliver(String type, UUID user, Instant occurredAt, String payload) {
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"aggregateId\":\"" + user
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"version\":1,\"payload\":" + payload + "}";
        SignedEvents.deliver(envelope).then().statusCode(200);
    }
}
