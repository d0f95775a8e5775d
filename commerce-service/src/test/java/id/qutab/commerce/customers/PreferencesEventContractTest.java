package id.qutab.commerce.customers;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.customer;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer side of {@code contracts/events/identity.user.preferences-changed.json} (identity's
 * {@code PreferencesEventContractTest} proves it emits that shape): the fixture through the inbox opts the customer in
 * to promotions (WhatsApp promotions on), and a later one with both promotions off (by its {@code at}) opts them out.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class PreferencesEventContractTest {

    static final String USER = "0b6f5c2e-1d3a-4c1e-9a8b-0000000000b1";

    @Inject
    TestDb db;

    static void deliver(String payload, UUID user) {
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.preferences-changed", user.toString(),
                payload.replace(USER, user.toString())).then().statusCode(200).body("outcome", equalTo("APPLIED"));
    }

    @Test
    void theProducersPayloadThroughTheInboxSetsPromotionsOptIn() {
        UUID user = customer();
        assertEquals(false, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
        String fixture = EventContracts.fixture("identity.user.preferences-changed");
        deliver(fixture, user);
        assertEquals(true, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));

        // the same shape with both promotions off, a day later: out again (so `at` and both channels are read)
        deliver(fixture.replace("\"promotions\": true", "\"promotions\": false").replace("2026-03-02", "2026-03-03"), user);
        assertEquals(false, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
        // email promotions alone opt in too
        deliver(fixture.replace("\"promotions\": true", "\"promotions\": false")
                .replace("\"promotions\": false\n  },\n  \"at\"", "\"promotions\": true\n  },\n  \"at\"")
                .replace("2026-03-02", "2026-03-04"), user);
        assertEquals(true, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
    }
}
