package id.qutab.identity.admin;

import id.qutab.identity.demo.DemoSeed;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.testing.PostgresResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class BootstrapTest {

    @Inject
    AgroalDataSource db;

    @Inject
    AdminBootstrap bootstrap;

    @Inject
    DemoSeed demo;

    @Test
    void theAdminIsCreatedOnceVerifiedAndAnnouncedAndAChangedPasswordSurvivesARestart() {
        Map<String, Object> row = Db.one(db, "SELECT id, password_hash, email_verified_at FROM users WHERE email = ?", Api.ADMIN_EMAIL);
        UUID id = (UUID) row.get("id");
        assertNotNull(row.get("email_verified_at"));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM user_roles WHERE user_id = ? AND role = 'admin'", id));
        assertEquals(3, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.registered' AND aggregate_id = ?",
                id.toString()), "one event, one row per subscriber (commerce, affiliate, payout)");

        // the admin changed its password since: a restart (ensureAdmin again) must not put the configured one back
        String changed = "$2a$10$abcdefghijklmnopqrstuu5Qn3d1fI3p8iJmG9vQbY6w3Jb6i3x2u";
        String original = (String) row.get("password_hash");
        Db.update(db, "UPDATE users SET password_hash = ? WHERE id = ?", changed, id);
        try {
            assertEquals(id, bootstrap.ensureAdmin().orElseThrow());
            assertEquals(changed, Db.one(db, "SELECT password_hash FROM users WHERE id = ?", id).get("password_hash"));
            assertEquals(1, Db.count(db, "SELECT count(*) FROM users WHERE lower(email) = ?", Api.ADMIN_EMAIL));
        } finally {
            Db.update(db, "UPDATE users SET password_hash = ? WHERE id = ?", original, id);
        }
    }

    @Test
    void theDemoAccountsExistOnceAndSignIn() {
        demo.seed();
        demo.seed();
        assertEquals(1, Db.count(db, "SELECT count(*) FROM users WHERE email = ?", DemoSeed.CUSTOMER_EMAIL));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM users WHERE email = ?", DemoSeed.AFFILIATE_EMAIL));
        assertEquals("customer", signIn(DemoSeed.CUSTOMER_EMAIL, "Qutab-demo-2026").getList("user.roles").get(0));
        assertEquals("affiliate", signIn(DemoSeed.AFFILIATE_EMAIL, "Qutab-demo-2026").getList("user.roles").get(0));
        UUID affiliate = (UUID) Db.one(db, "SELECT id FROM users WHERE email = ?", DemoSeed.AFFILIATE_EMAIL).get("id");
        assertEquals(3, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.registered' AND aggregate_id = ?",
                affiliate.toString()));
    }
}
