package id.qutab.identity.notifications;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producer side of {@code contracts/events/identity.user.preferences-changed.json}: what {@code PUT
 * /api/me/notifications} records for commerce has exactly the fixture's fields, of its JSON types. commerce-service's
 * {@code PreferencesEventContractTest} feeds the same fixture through its inbox.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PreferencesEventContractTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theRecordedPreferencesChangedEventHasExactlyTheFieldsOfTheContractFixture() {
        UUID me = Api.registerCustomer(uniqueEmail("prefs-contract"));
        bearer(TestJwt.customer(me)).body("""
                {"whatsapp":{"transactional":true,"promotions":true},"email":{"transactional":true,"promotions":false}}""")
                .put("/api/me/notifications").then().statusCode(200);
        List<Map<String, Object>> rows = Db.rows(db, "SELECT payload::text AS payload FROM outbox "
                + "WHERE event_type = 'identity.user.preferences-changed' AND aggregate_id = ? AND destination = 'commerce'",
                me.toString());
        assertEquals(1, rows.size());
        EventContracts.assertSameShape("identity.user.preferences-changed",
                EventContracts.read((String) rows.get(0).get("payload")));
    }
}
