package id.qutab.payout.ktp;

import id.qutab.testing.TestDb;
import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.payout.testsupport.Images;
import id.qutab.testing.TestJwt;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Core rule 7: KTP images are validated by content, sealed before they touch the disk, read only by admins, audited.
 * Checked through HTTP, the database and the vault's directory only, so that they also run against the packaged app
 * ({@link KtpVaultIT}); {@link KtpVaultTest} adds what needs the vault bean itself.
 */
abstract class KtpVaultChecks {

    static final String PROBLEM = "application/problem+json";

    /** The app's database over the test JVM's own connection. */
    final TestDb db = TestDb.ofAppUnderTest();

    @Test
    void theStoredFileIsCiphertextNotAnImageAndDiffersFromTheUpload() throws IOException {
        Affiliate a = Fixtures.approvedAffiliate();
        byte[] upload = Images.jpeg(640, 400);
        Fixtures.uploadKtp(a.token(), upload, "ktp.jpg", "image/jpeg").then().statusCode(201)
                .contentType(ContentType.JSON).body("ktpUploaded", equalTo(true))
                .body("verificationStatus", equalTo("UNVERIFIED")); // no bank details yet

        UUID account = a.accountId();
        List<Object> row = db.rows("SELECT storage_name, key_id, iv, content_type, plaintext_bytes, width, height"
                + " FROM ktp_document WHERE account_id = ?", account).get(0);
        String storageName = (String) row.get(0);
        assertEquals("t2", row.get(1));
        assertEquals(12, ((byte[]) row.get(2)).length);
        assertEquals("image/jpeg", row.get(3));
        assertEquals(upload.length, row.get(4));
        assertEquals(List.of(640, 400), row.subList(5, 7));
        assertFalse(storageName.contains(account.toString()) || storageName.contains(a.affiliateId().toString()));

        byte[] stored = Files.readAllBytes(vaultDirectory().resolve(storageName));
        assertEquals(upload.length + 16, stored.length, "AES-GCM: same length plus the 16-byte tag");
        assertFalse(Arrays.equals(upload, stored));
        assertFalse(stored[0] == (byte) 0xFF && stored[1] == (byte) 0xD8, "no JPEG magic in the stored file");
        assertNull(ImageIO.read(new ByteArrayInputStream(stored)), "the stored file must not decode as an image");
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains("JFIF"));
    }

    @Test
    void anAdminReadReturnsTheOriginalBytesAndLeavesAnAuditRecord() {
        Affiliate a = Fixtures.approvedAffiliate();
        byte[] upload = Images.png(800, 500);
        Fixtures.uploadKtp(a.token(), upload, "scan.png", "application/octet-stream").then().statusCode(201);
        UUID account = a.accountId();
        UUID adminId = UUID.randomUUID();

        byte[] read = given().auth().oauth2(TestJwt.token(adminId, "admin")).header("X-Request-Id", "audit-test-1")
                .get("/api/admin/bank-accounts/" + account + "/ktp")
                .then().statusCode(200).contentType("image/png").header("Cache-Control", "no-store")
                .extract().asByteArray();
        assertArrayEquals(upload, read);

        List<List<Object>> audit = db.rows("SELECT admin_user_id, ktp_document_id, request_id, accessed_at"
                + " FROM ktp_access_audit WHERE account_id = ?", account);
        assertEquals(1, audit.size());
        assertEquals(adminId, audit.get(0).get(0));
        assertEquals(db.one("SELECT id FROM ktp_document WHERE account_id = ?", account), audit.get(0).get(1));
        assertEquals("audit-test-1", audit.get(0).get(2));
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp/audit").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].adminUserId", equalTo(adminId.toString()));
    }

    @Test
    void nobodyButAnAdminCanReadAKtp() {
        Affiliate owner = Fixtures.approvedAffiliate();
        Fixtures.uploadKtp(owner.token(), Images.jpeg(640, 400), "ktp.jpg", "image/jpeg").then().statusCode(201);
        UUID account = owner.accountId();
        Affiliate other = Fixtures.approvedAffiliate();
        String path = "/api/admin/bank-accounts/" + account + "/ktp";

        given().auth().oauth2(other.token()).get(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).get(path).then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(owner.token()).get(path).then().statusCode(403).contentType(PROBLEM);
        given().get(path).then().statusCode(401).contentType(PROBLEM);
        // there is no affiliate-side way to get the image back
        given().auth().oauth2(owner.token()).get("/api/affiliate/bank-account/ktp").then().statusCode(405)
                .contentType(PROBLEM);
        given().auth().oauth2(owner.token()).get("/api/affiliate/bank-account").then().statusCode(200)
                .body("ktpUploaded", equalTo(true));
        assertEquals(0, db.count("SELECT count(*) FROM ktp_access_audit WHERE account_id = ?", account));
        // an account without a KTP, an unknown account
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + other.accountId() + "/ktp")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + UUID.randomUUID() + "/ktp")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void whatIsNotAJpegOrPngIsRefusedAndNothingIsStored() throws IOException {
        Affiliate a = Fixtures.approvedAffiliate();
        long filesBefore = files();

        // a text file named .jpg, declared image/jpeg
        Fixtures.uploadKtp(a.token(), "this is not an image at all".getBytes(StandardCharsets.UTF_8), "ktp.jpg",
                "image/jpeg").then().statusCode(415).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/ktp-unsupported-type"));
        // a PDF
        Fixtures.uploadKtp(a.token(), "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                "ktp.pdf", "application/pdf").then().statusCode(415).contentType(PROBLEM);
        // a GIF is an image, but not one we take
        Fixtures.uploadKtp(a.token(), "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                "ktp.gif", "image/gif").then().statusCode(415);
        // a truncated JPEG: right magic bytes, no complete image
        byte[] jpeg = Images.jpeg(640, 400);
        Fixtures.uploadKtp(a.token(), Arrays.copyOf(jpeg, jpeg.length / 2), "ktp.jpg", "image/jpeg")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://qutab.id/problems/ktp-unreadable"));
        // a corrupt PNG
        byte[] png = Images.png(640, 400);
        byte[] corrupt = png.clone();
        for (int i = 100; i < corrupt.length - 20; i += 7) {
            corrupt[i] ^= 0x5A;
        }
        Fixtures.uploadKtp(a.token(), corrupt, "ktp.png", "image/png").then().statusCode(422);
        // a real image, far too small to read a KTP on
        Fixtures.uploadKtp(a.token(), Images.png(60, 40), "ktp.png", "image/png").then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/ktp-dimensions"));
        // empty, or no part named "file"
        Fixtures.uploadKtp(a.token(), new byte[0], "ktp.jpg", "image/jpeg").then().statusCode(400)
                .body("errors.field", hasItem("file"));
        given().auth().oauth2(a.token()).multiPart("photo", "ktp.jpg", jpeg, "image/jpeg")
                .post("/api/affiliate/bank-account/ktp").then().statusCode(400).body("errors.field", hasItem("file"));
        // not multipart at all
        given().auth().oauth2(a.token()).contentType("image/jpeg").body(jpeg)
                .post("/api/affiliate/bank-account/ktp").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(a.token()).contentType("multipart/form-data; boundary=xyz").body("garbage".getBytes(StandardCharsets.US_ASCII))
                .post("/api/affiliate/bank-account/ktp").then().statusCode(400).contentType(PROBLEM);

        assertEquals(0, db.count("SELECT count(*) FROM ktp_document d JOIN payout_account p ON p.id = d.account_id"
                + " WHERE p.affiliate_id = ?", a.affiliateId()));
        assertEquals(filesBefore, files());
    }

    @Test
    void aSixMegabyteImageIs413() throws IOException {
        Affiliate a = Fixtures.approvedAffiliate();
        byte[] big = Images.noisyPng(1420);
        assertTrue(big.length > 6_000_000 && big.length < 6_291_456 - 70_000, "about 6 MB: " + big.length);
        long filesBefore = files();
        Fixtures.uploadKtp(a.token(), big, "big.png", "image/png").then().statusCode(413).contentType(PROBLEM)
                .body("status", equalTo(413));
        // and one declaring more than the service takes at all is refused before it is read
        byte[] huge = Arrays.copyOf(big, 6_400_000);
        Fixtures.uploadKtp(a.token(), huge, "huge.png", "image/png").then().statusCode(413).contentType(PROBLEM);
        assertEquals(filesBefore, files());
        assertEquals(0, db.count("SELECT count(*) FROM ktp_document d JOIN payout_account p ON p.id = d.account_id"
                + " WHERE p.affiliate_id = ?", a.affiliateId()));
    }

    @Test
    void onlyApprovedAffiliatesUpload() {
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).multiPart("file", "k.jpg", Images.jpeg(640, 400),
                "image/jpeg").post("/api/affiliate/bank-account/ktp").then().statusCode(422)
                .body("type", equalTo("https://qutab.id/problems/affiliate-not-approved"));
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).multiPart("file", "k.jpg", Images.jpeg(640, 400),
                "image/jpeg").post("/api/affiliate/bank-account/ktp").then().statusCode(403);
    }

    @Test
    void aNewUploadReplacesTheOldOneWhoseFileIsDeleted() throws Exception {
        Affiliate a = Fixtures.approvedAffiliate();
        Fixtures.uploadKtp(a.token(), Images.jpeg(640, 400), "1.jpg", "image/jpeg").then().statusCode(201);
        UUID account = a.accountId();
        String first = (String) db.one("SELECT storage_name FROM ktp_document WHERE account_id = ?", account);
        byte[] second = Images.png(900, 560);
        Fixtures.uploadKtp(a.token(), second, "2.png", "image/png").then().statusCode(201);

        assertEquals(2, db.count("SELECT count(*) FROM ktp_document WHERE account_id = ?", account));
        assertEquals(1, db.count("SELECT count(*) FROM ktp_document WHERE account_id = ? AND superseded_at IS NULL",
                account));
        assertFalse(Files.exists(vaultDirectory().resolve(first)), "the superseded file is deleted");
        byte[] read = given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp")
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(second, read);
    }

    @Test
    void aTamperedFileDoesNotOpenButTheAttemptIsAudited() throws IOException {
        Affiliate a = Fixtures.approvedAffiliate();
        Fixtures.uploadKtp(a.token(), Images.jpeg(640, 400), "ktp.jpg", "image/jpeg").then().statusCode(201);
        UUID account = a.accountId();
        Path file = vaultDirectory().resolve((String) db.one(
                "SELECT storage_name FROM ktp_document WHERE account_id = ?", account));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);

        given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", equalTo("Something went wrong on our side. It has been logged."));
        assertEquals(1, db.count("SELECT count(*) FROM ktp_access_audit WHERE account_id = ?", account));
    }

    /** Where the app keeps the sealed files: its qutab.ktp.dir, relative to the module directory both processes run in. */
    static Path vaultDirectory() {
        return Path.of(ConfigProvider.getConfig().getValue("qutab.ktp.dir", String.class)).toAbsolutePath().normalize();
    }

    private long files() throws IOException {
        try (Stream<Path> list = Files.list(vaultDirectory())) {
            return list.count();
        }
    }
}
