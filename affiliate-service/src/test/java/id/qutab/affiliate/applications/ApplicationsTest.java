package id.qutab.affiliate.applications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.affiliate.codes.ReferralCodeGenerator;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class ApplicationsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String GENERATED = "[" + ReferralCodeGenerator.ALPHABET + "]{7}";

    @Inject
    TestDb db;

    @Inject
    MockMailbox mailbox;

    @Inject
    ObjectMapper json;

    private static String application(String firstName) {
        return "{\"firstName\":\"" + firstName + "\",\"lastName\":\"Santoso\",\"whatsapp\":\"+62 812 3456 7890\","
                + "\"instagram\":\"@budi.qurban\",\"tiktok\":\"\",\"city\":\"Surabaya\",\"reason\":\"Aktif di pengajian.\"}";
    }

    @Test
    void applyOnceThenWaitForTheDecision() {
        UUID user = UUID.randomUUID();
        String token = TestJwt.affiliate(user);
        given().auth().oauth2(token).get("/api/affiliate/application").then().statusCode(404).contentType(PROBLEM);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(application("Budi"))
                .post("/api/affiliate/application")
                .then().statusCode(201).body("status", equalTo("PENDING")).body("code", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON).body(application("Budi"))
                .post("/api/affiliate/application")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/application-pending"));
        given().auth().oauth2(token).get("/api/affiliate/application")
                .then().statusCode(200).body("status", equalTo("PENDING"));

        List<Object> row = db.rows("SELECT status, whatsapp, instagram, tiktok, city FROM affiliate WHERE user_id = ?", user).get(0);
        assertEquals("PENDING", row.get(0));
        assertEquals("+6281234567890", row.get(1), "WhatsApp numbers are normalized");
        assertEquals("budi.qurban", row.get(2), "handles are stored without @");
        assertEquals(null, row.get(3), "an empty handle is no handle");
        assertEquals("Surabaya", row.get(4));
    }

    @Test
    void applicationsAreValidated() {
        String token = TestJwt.affiliate(UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"firstName\":\"\",\"lastName\":\"X\",\"whatsapp\":\"0812\",\"instagram\":\"no spaces allowed\",\"city\":\"B\"}")
                .post("/api/affiliate/application")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("firstName")).body("errors.field", hasItem("instagram"))
                .body("errors.field", hasItem("reason"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(application("Budi").replace("+62 812 3456 7890", "12345"))
                .post("/api/affiliate/application")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("whatsapp"));
        // Only affiliates apply; anonymous callers are not let in at all.
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).contentType(ContentType.JSON).body(application("Budi"))
                .post("/api/affiliate/application").then().statusCode(403).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(application("Budi"))
                .post("/api/affiliate/application").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void approvalIssuesAGeneratedCodeRecordsTheEventAndMails() throws Exception {
        UUID user = UUID.randomUUID();
        String email = "rina." + user + "@example.id";
        Events.userRegistered(user, "Rina Wati", email);
        mailbox.clear();
        UUID id = Affiliates.applyAs(user, "Rina", "Wati");

        given().auth().oauth2(Affiliates.admin()).queryParam("status", "PENDING").queryParam("q", "rina")
                .get("/api/admin/affiliates").then().statusCode(200)
                .body("items.id", hasItem(id.toString()))
                .body("items.find { it.id == '" + id + "' }.email", equalTo(email))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("PENDING"));

        String code = given().auth().oauth2(Affiliates.admin()) // no body: a generated code
                .post("/api/admin/affiliates/" + id + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("code", matchesPattern(GENERATED))
                .body("tier", equalTo("Bronze"))
                .body("application.whatsapp", equalTo("+6281234567890"))
                .extract().path("code");
        assertEquals(7, code.length());
        assertTrue(code.chars().noneMatch(c -> "0O1lIo".indexOf(c) >= 0), code);

        given().auth().oauth2(TestJwt.affiliate(user)).get("/api/affiliate/application")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("code", equalTo(code));

        // affiliate.application.approved for commerce, payout and identity (its WhatsApp message), in the same
        // transaction as the approval
        List<List<Object>> outbox = db.rows("SELECT destination, payload::text FROM outbox WHERE event_type = "
                + "'affiliate.application.approved' AND aggregate_id = ? ORDER BY destination", id.toString());
        assertEquals(List.of("commerce", "identity", "payout"), outbox.stream().map(r -> r.get(0)).toList());
        JsonNode payload = json.readTree((String) outbox.get(0).get(1));
        assertEquals(id.toString(), payload.get("affiliateId").asText());
        assertEquals(user.toString(), payload.get("userId").asText());
        assertEquals(code, payload.get("code").asText());

        List<Mail> mails = awaitMails(email, 1);
        assertTrue(mails.get(0).getSubject().contains("disetujui"), mails.get(0).getSubject());
        assertTrue(mails.get(0).getText().contains(code));
        assertTrue(mails.get(0).getHtml().contains("https://app.qutab.test/r/" + code));

        // decided once
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON).body("{\"reason\":\"x\"}")
                .post("/api/admin/affiliates/" + id + "/reject").then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON).body("{}")
                .post("/api/admin/affiliates/" + id + "/approve").then().statusCode(409)
                .body("type", equalTo("https://qutab.id/problems/not-pending"));
        // and an approved affiliate cannot apply again
        given().auth().oauth2(TestJwt.affiliate(user)).contentType(ContentType.JSON).body(application("Rina"))
                .post("/api/affiliate/application").then().statusCode(409)
                .body("type", equalTo("https://qutab.id/problems/already-affiliate"));
    }

    @Test
    void generatedCodesAreUniqueAndFromTheUnambiguousAlphabet() {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            codes.add(Affiliates.approved("Gen" + i, "Kode").code());
        }
        assertEquals(12, codes.size());
        codes.forEach(c -> assertTrue(c.matches(GENERATED), c));
        assertEquals(12, db.count("SELECT count(DISTINCT lower(code)) FROM affiliate WHERE code = ANY(?)",
                (Object) codes.toArray(String[]::new)));
    }

    @Test
    void aCustomCodeIsValidatedAndUniqueInAnyCase() {
        String custom = "Qurban" + Long.toString(System.nanoTime() % 100000, 36);
        Affiliates.Made first = Affiliates.approved("Custom", "Satu", custom);
        assertEquals(custom, first.code());

        UUID second = Affiliates.applyAs(UUID.randomUUID(), "Custom", "Dua");
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"code\":\"" + custom.toUpperCase() + "\"}")
                .post("/api/admin/affiliates/" + second + "/approve")
                .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("https://qutab.id/problems/code-taken"));
        for (String bad : List.of("abc", "has space", "tanda-hubung", "x".repeat(21), "ünïcode1")) {
            given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON).body("{\"code\":\"" + bad + "\"}")
                    .post("/api/admin/affiliates/" + second + "/approve")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("code"));
        }
        assertEquals("PENDING", db.one("SELECT status FROM affiliate WHERE id = ?", second));
        assertEquals(0, db.count("SELECT count(*) FROM outbox WHERE aggregate_id = ?", second.toString()));
    }

    @Test
    void rejectionMailsTheReasonAndTheApplicantMayApplyAgainAfterTheCooldown() {
        UUID user = UUID.randomUUID();
        String email = "andi." + user + "@example.id";
        Events.userRegistered(user, "Andi Pratama", email);
        mailbox.clear();
        UUID id = Affiliates.applyAs(user, "Andi", "Pratama");
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post("/api/admin/affiliates/" + id + "/reject").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.admin()).contentType(ContentType.JSON)
                .body("{\"reason\":\"Profil media sosial belum lengkap\"}")
                .post("/api/admin/affiliates/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("rejectionReason", equalTo("Profil media sosial belum lengkap"));

        String token = TestJwt.affiliate(user);
        given().auth().oauth2(token).get("/api/affiliate/application").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("Profil media sosial belum lengkap"))
                .body("reapplyAfter", notNullValue());
        Mail mail = awaitMails(email, 1).get(0);
        assertTrue(mail.getText().contains("Profil media sosial belum lengkap"));

        // %test cool-down: 1 hour
        given().auth().oauth2(token).contentType(ContentType.JSON).body(application("Andi"))
                .post("/api/affiliate/application").then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/reapply-cooldown"));
        db.exec("UPDATE affiliate SET rejected_at = ? WHERE id = ?", Instant.now().minus(2, ChronoUnit.HOURS), id);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(application("Andi"))
                .post("/api/affiliate/application").then().statusCode(201).body("status", equalTo("PENDING"));
        assertEquals(List.of("PENDING", 2), db.rows("SELECT status, applications FROM affiliate WHERE id = ?", id).get(0));
        assertEquals(null, db.one("SELECT rejection_reason FROM affiliate WHERE id = ?", id));
    }

    @Test
    void suspendAndReinstate() {
        Affiliates.Made a = Affiliates.approved("Sus", "Pend");
        given().auth().oauth2(Affiliates.admin()).post("/api/admin/affiliates/" + a.id() + "/reinstate")
                .then().statusCode(409);
        Affiliates.suspend(a.id());
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/" + a.id()).then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspensionReason", equalTo("Spam di grup WhatsApp"));
        given().auth().oauth2(a.token()).get("/api/affiliate/application").then()
                .body("status", equalTo("APPROVED")).body("suspended", equalTo(true));
        given().auth().oauth2(a.token()).get("/api/affiliate/link").then().statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(Affiliates.admin()).queryParam("status", "SUSPENDED").queryParam("size", 100)
                .get("/api/admin/affiliates").then().body("items.id", hasItem(a.id().toString()));
        given().auth().oauth2(Affiliates.admin()).post("/api/admin/affiliates/" + a.id() + "/reinstate")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        given().auth().oauth2(Affiliates.admin()).queryParam("status", "SUSPENDED").queryParam("size", 100)
                .get("/api/admin/affiliates").then().body("items.id", not(hasItem(a.id().toString())));
    }

    @Test
    void adminListFiltersAndDetail() {
        Affiliates.Made a = Affiliates.approved("Zulkifli", "Hasan");
        given().auth().oauth2(Affiliates.admin()).queryParam("q", a.code().toLowerCase())
                .get("/api/admin/affiliates").then().statusCode(200)
                .body("items[0].id", equalTo(a.id().toString())).body("items[0].code", equalTo(a.code()))
                .body("items[0].tier", equalTo("Bronze")).body("total", equalTo(1));
        given().auth().oauth2(Affiliates.admin()).queryParam("q", "zul%").get("/api/admin/affiliates")
                .then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Affiliates.admin()).queryParam("status", "BOGUS").get("/api/admin/affiliates")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.admin()).queryParam("size", 101).get("/api/admin/affiliates")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/" + a.id()).then().statusCode(200)
                .body("application.reason", containsString("komunitas"))
                .body("application.instagram", equalTo("zulkifli"));
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(a.token()).get("/api/admin/affiliates").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aDeletedUserIsAnonymizedAndStopsEarning() {
        Affiliates.Made a = Affiliates.approved("Hapus", "Akun");
        Events.deliverApplied(Events.Event.of("identity.user.deleted", a.userId(), Instant.now(),
                "{\"userId\":\"" + a.userId() + "\"}"));
        List<Object> row = db.rows("SELECT status, first_name, whatsapp, instagram FROM affiliate WHERE id = ?", a.id()).get(0);
        assertEquals("SUSPENDED", row.get(0));
        assertEquals("Dihapus", row.get(1));
        assertEquals(null, row.get(2));
        assertEquals(null, row.get(3));
        assertEquals(List.of(), db.rows("SELECT 1 FROM user_contact WHERE user_id = ? AND (email IS NOT NULL OR name IS NOT NULL)", a.userId()));
        // a late registration event never brings the data back
        Events.deliverApplied(Events.Event.of("identity.user.registered", a.userId(), Instant.now(),
                "{\"userId\":\"" + a.userId() + "\",\"name\":\"Hapus Akun\",\"email\":\"back@example.id\"}"));
        assertNotNull(db.one("SELECT deleted_at FROM user_contact WHERE user_id = ?", a.userId()));
        assertEquals(null, db.one("SELECT email FROM user_contact WHERE user_id = ?", a.userId()));
    }

    private List<Mail> awaitMails(String to, int count) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<Mail> mails = mailbox.getMailsSentTo(to);
            if (mails != null && mails.size() >= count) {
                return mails;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " mail(s) to " + to);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
