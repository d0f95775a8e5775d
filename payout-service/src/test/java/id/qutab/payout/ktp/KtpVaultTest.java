package id.qutab.payout.ktp;

import id.qutab.payout.testsupport.Fixtures;
import id.qutab.payout.testsupport.Fixtures.Affiliate;
import id.qutab.payout.testsupport.Images;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import static id.qutab.payout.testsupport.Fixtures.ADMIN;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@link KtpVaultChecks} in the app's own process, plus what needs the vault bean: a file sealed under a retired key. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class KtpVaultTest extends KtpVaultChecks {

    @Inject
    KtpVault vault;

    @Test
    void rotationKeepsOldFilesReadableAndTheRekeyJobMovesThemToTheActiveKey() {
        Affiliate a = Fixtures.approvedAffiliate();
        byte[] upload = Images.jpeg(640, 400);
        Fixtures.uploadKtp(a.token(), upload, "ktp.jpg", "image/jpeg").then().statusCode(201);
        UUID account = a.accountId();
        // as if it had been uploaded before the rotation, under the retired key t1
        KtpVault.Sealed old = vault.seal("t1", account, upload);
        String oldName = vault.store(old.ciphertext());
        String current = (String) db.one("SELECT storage_name FROM ktp_document WHERE account_id = ?", account);
        db.exec("UPDATE ktp_document SET storage_name = ?, key_id = 't1', iv = ? WHERE account_id = ?",
                oldName, old.iv(), account);
        vault.delete(current);

        byte[] read = given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp")
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(upload, read);

        given().auth().oauth2(a.token()).post("/api/admin/jobs/ktp-rekey/run").then().statusCode(403);
        given().auth().oauth2(ADMIN).post("/api/admin/jobs/ktp-rekey/run").then().statusCode(200)
                .body("job", equalTo("ktp-rekey")).body("images", equalTo(1)).body("failed", equalTo(0));
        List<Object> row = db.rows("SELECT key_id, storage_name FROM ktp_document WHERE account_id = ?", account).get(0);
        assertEquals("t2", row.get(0));
        assertFalse(Files.exists(vault.directory().resolve(oldName)));
        assertArrayEquals(upload, given().auth().oauth2(ADMIN).get("/api/admin/bank-accounts/" + account + "/ktp")
                .then().statusCode(200).extract().asByteArray());
        given().auth().oauth2(ADMIN).post("/api/admin/jobs/ktp-rekey/run").then().statusCode(200)
                .body("processed", equalTo(0));
        given().auth().oauth2(ADMIN).post("/api/admin/jobs/no-such-job/run").then().statusCode(404);
    }
}
