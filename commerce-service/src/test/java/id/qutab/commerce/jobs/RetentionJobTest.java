package id.qutab.commerce.jobs;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 9, defect 12: idempotency keys (7 days) and callback audits (90 days) are deleted by age. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class RetentionJobTest {

    @Inject
    TestDb db;

    void key(UUID user, String key, String age) {
        db.exec("INSERT INTO order_idempotency (user_id, key, request_hash, created_at) VALUES (?, ?, 'h', now() - CAST(? AS interval))",
                user, key, age);
    }

    void callback(UUID id, String age) {
        db.exec("""
                INSERT INTO payment_callback (id, provider, raw_body, received_at, outcome, dedupe_key)
                VALUES (?, 'zendit', '{}', now() - CAST(? AS interval), 'UNKNOWN_INVOICE', ?)""", id, age, "k:" + id);
    }

    @Test
    void oldKeysAndCallbackAuditsAreDeletedYoungOnesKept() {
        UUID user = UUID.randomUUID();
        key(user, "old", "8 days");
        key(user, "young", "6 days");
        key(user, "new", "1 minute");
        UUID oldCallback = UUID.randomUUID();
        UUID youngCallback = UUID.randomUUID();
        callback(oldCallback, "91 days");
        callback(youngCallback, "89 days");

        asAdmin().post("/api/admin/jobs/retention/run").then().statusCode(200)
                .body("job", equalTo("retention"))
                .body("idempotencyKeys", greaterThanOrEqualTo(1))
                .body("callbackAudits", greaterThanOrEqualTo(1));

        assertEquals(0, db.count("SELECT count(*) FROM order_idempotency WHERE user_id = ? AND key = 'old'", user));
        assertEquals(2, db.count("SELECT count(*) FROM order_idempotency WHERE user_id = ? AND key IN ('young', 'new')", user));
        assertEquals(0, db.count("SELECT count(*) FROM payment_callback WHERE id = ?", oldCallback));
        assertEquals(1, db.count("SELECT count(*) FROM payment_callback WHERE id = ?", youngCallback));

        // running again deletes nothing more of ours
        asAdmin().post("/api/admin/jobs/retention/run").then().statusCode(200);
        assertEquals(1, db.count("SELECT count(*) FROM payment_callback WHERE id = ?", youngCallback));
        assertEquals(2, db.count("SELECT count(*) FROM order_idempotency WHERE user_id = ?", user));
    }

    @Test
    void onlyAdminsRunIt() {
        given().post("/api/admin/jobs/retention/run").then().statusCode(401);
    }
}
