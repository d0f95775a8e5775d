package id.qutab.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
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
import static id.qutab.identity.support.Api.json;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code GET/PUT /api/me/notifications}: defaults, own only, strict body, the event in the same transaction. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PreferencesTest {

    static final String OPT_IN = """
            {"whatsapp":{"transactional":true,"promotions":true},"email":{"transactional":false,"promotions":false}}""";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    @Test
    void defaultsAreTransactionalOnPromotionsOff() {
        UUID me = Api.registerCustomer(uniqueEmail("prefs"));
        bearer(TestJwt.customer(me)).get("/api/me/notifications").then().statusCode(200)
                .body("whatsapp.transactional", is(true))
                .body("whatsapp.promotions", is(false))
                .body("email.transactional", is(true))
                .body("email.promotions", is(false));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM notification_preference WHERE user_id = ?", me));
    }

    @Test
    void putStoresTheCallersOwnChoicesAndPublishesThemOnceInTheSameTransaction() throws Exception {
        UUID me = Api.registerAs(uniqueEmail("prefs-aff"), "affiliate");
        UUID other = Api.registerCustomer(uniqueEmail("prefs-other"));
        bearer(TestJwt.affiliate(me)).body(OPT_IN).put("/api/me/notifications").then().statusCode(200)
                .body("whatsapp.promotions", is(true))
                .body("email.transactional", is(false));
        bearer(TestJwt.affiliate(me)).get("/api/me/notifications").then().statusCode(200)
                .body("whatsapp.promotions", is(true))
                .body("email.transactional", is(false));
        // the other account is untouched
        bearer(TestJwt.customer(other)).get("/api/me/notifications").then().statusCode(200)
                .body("whatsapp.promotions", is(false));

        List<Map<String, Object>> events = Db.rows(db, "SELECT destination, payload::text AS payload FROM outbox "
                + "WHERE event_type = 'identity.user.preferences-changed' AND aggregate_id = ? ORDER BY destination",
                me.toString());
        assertEquals(List.of("affiliate", "commerce", "payout"), events.stream().map(e -> e.get("destination")).toList());
        JsonNode payload = mapper.readTree((String) events.get(1).get("payload"));
        assertEquals(me.toString(), payload.get("userId").asText());
        assertEquals(true, payload.at("/whatsapp/promotions").booleanValue());
        assertEquals(true, payload.at("/whatsapp/transactional").booleanValue());
        assertEquals(false, payload.at("/email/transactional").booleanValue());
        assertEquals(false, payload.at("/email/promotions").booleanValue());
        assertEquals(true, payload.hasNonNull("at"));

        // the same choices again: nothing new to tell
        bearer(TestJwt.affiliate(me)).body(OPT_IN).put("/api/me/notifications").then().statusCode(200);
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.preferences-changed' "
                + "AND aggregate_id = ? AND destination = 'commerce'", me.toString()));
    }

    @Test
    void needsASignedInLiveAccount() {
        json().get("/api/me/notifications").then().statusCode(401).contentType("application/problem+json");
        json().body(OPT_IN).put("/api/me/notifications").then().statusCode(401).contentType("application/problem+json");
        // a token for an account that does not exist (or was deleted)
        bearer(TestJwt.customer(UUID.randomUUID())).get("/api/me/notifications").then().statusCode(401);
    }

    @Test
    void hostileOrSloppyBodiesAre400ProblemsAndChangeNothing() {
        UUID me = Api.registerCustomer(uniqueEmail("prefs-bad"));
        String[] bodies = {
                "{", "[]", "null", "\"x\"", "{}",
                "{\"whatsapp\":{\"transactional\":true,\"promotions\":true}}",                                   // email missing
                "{\"whatsapp\":{\"transactional\":true,\"promotion\":true},\"email\":{\"transactional\":true,\"promotions\":false}}", // typo
                "{\"whatsapp\":{\"transactional\":\"true\",\"promotions\":true},\"email\":{\"transactional\":true,\"promotions\":false}}",
                "{\"whatsapp\":{\"transactional\":1,\"promotions\":true},\"email\":{\"transactional\":true,\"promotions\":false}}",
                "{\"whatsapp\":{\"transactional\":true,\"promotions\":null},\"email\":{\"transactional\":true,\"promotions\":false}}",
                "{\"whatsapp\":{\"transactional\":true,\"promotions\":true},\"email\":{\"transactional\":true,\"promotions\":false},\"sms\":{}}",
                "{\"whatsapp\":true,\"email\":{\"transactional\":true,\"promotions\":false}}",
                "{\"whatsapp\":{\"transactional\":true,\"promotions\":true,\"promotions\":false},\"email\":{\"transactional\":true,\"promotions\":false}}",
        };
        for (String body : bodies) {
            bearer(TestJwt.customer(me)).body(body).put("/api/me/notifications").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", is(400))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("\tat ")));
        }
        bearer(TestJwt.customer(me)).body("{\"whatsapp\":{\"transactional\":true,\"promotion\":true},"
                        + "\"email\":{\"transactional\":true,\"promotions\":false}}").put("/api/me/notifications").then()
                .statusCode(400).body("errors[0].field", equalTo("whatsapp.promotion"));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM notification_preference WHERE user_id = ?", me));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM outbox WHERE event_type = 'identity.user.preferences-changed' "
                + "AND aggregate_id = ?", me.toString()));
    }
}
