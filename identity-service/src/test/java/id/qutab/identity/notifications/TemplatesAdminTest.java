package id.qutab.identity.notifications;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The template admin API: seeds, create, versioned edits, deactivation, admin only, strict validation. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class TemplatesAdminTest {

    static final String BASE = "/api/admin/notifications/templates";

    @Inject
    AgroalDataSource db;

    @Inject
    MessageTemplates templates;

    static String admin() {
        return TestJwt.admin();
    }

    static String key() {
        return "t_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theNineWhatsAppTemplatesAreSeededInIndonesianAndEnglish() {
        List<String> keys = List.of("order_paid", "order_distributed", "affiliate_approved", "payout_paid",
                "loyalty_points_earned", "loyalty_tier_upgraded", "reminder_birthday", "reminder_aqiqah",
                "reminder_qurban", "reminder_birthday_gift");
        for (String key : keys) {
            for (String locale : List.of("id", "en")) {
                assertEquals(1, Db.count(db, "SELECT count(*) FROM message_template WHERE channel = 'WHATSAPP' "
                        + "AND template_key = ? AND locale = ? AND version = 1 AND active", key, locale), key + "/" + locale);
            }
        }
        bearer(admin()).queryParam("key", "order_paid").queryParam("locale", "en").get(BASE).then().statusCode(200)
                .body("total", is(1))
                .body("items[0].channel", equalTo("WHATSAPP"))
                .body("items[0].category", equalTo("order"))
                .body("items[0].active", is(true))
                .body("items[0].variables", contains("customerName", "orderNumber", "total", "receiptLink"));
    }

    @Test
    void anEditIsANewVersionAndTheOldOneStays() {
        String key = key();
        String v1 = bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "id", "category", "promotion",
                        "body", "Halo {{name}}, promo {{code}}")).post(BASE).then().statusCode(201)
                .body("version", is(1))
                .body("active", is(true))
                .body("key", equalTo(key))
                .body("variables", contains("name", "code"))
                .extract().path("id");
        // the same channel + key + locale again
        bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "id", "category", "promotion",
                "body", "x")).post(BASE).then().statusCode(409).contentType("application/problem+json");
        // another locale of it is another template
        bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "en", "category", "promotion",
                "body", "Hi {{name}}")).post(BASE).then().statusCode(201);

        String v2 = bearer(admin()).body(Map.of("category", "reminder", "body", "Halo {{name}}, kode {{code}} berlaku"))
                .put(BASE + "/" + v1).then().statusCode(200)
                .body("version", is(2))
                .body("category", equalTo("reminder"))
                .body("id", not(equalTo(v1)))
                .extract().path("id");
        bearer(admin()).get(BASE + "/" + v1).then().statusCode(200)
                .body("version", is(1)).body("body", equalTo("Halo {{name}}, promo {{code}}"));
        // editing the old version would undo v2 unseen
        bearer(admin()).body(Map.of("category", "promotion", "body", "lama")).put(BASE + "/" + v1).then()
                .statusCode(409).body("type", containsString("stale-template"));

        bearer(admin()).queryParam("key", key).queryParam("locale", "id").get(BASE).then().statusCode(200)
                .body("total", is(1)).body("items[0].id", equalTo(v2));
        bearer(admin()).queryParam("key", key).queryParam("locale", "id").queryParam("history", true).get(BASE).then()
                .statusCode(200).body("total", is(2)).body("items.version", contains(2, 1));

        bearer(admin()).delete(BASE + "/" + v2).then().statusCode(204);
        assertEquals(0, Db.count(db, "SELECT count(*) FROM message_template WHERE template_key = ? AND locale = 'id' AND active", key));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM message_template WHERE template_key = ? AND locale = 'en' AND active", key));
        bearer(admin()).queryParam("key", key).queryParam("locale", "id").get(BASE).then().statusCode(200)
                .body("items[0].active", is(false));
    }

    /** What a message would be rendered from, read in a transaction of its own (as an inbox handler would). */
    java.util.Optional<String> forSending(String channel, String key, String locale) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                templates.forSending(channel, key, locale).map(t -> t.body + "@" + t.version));
    }

    @Test
    void renderingTakesTheLatestVersionInTheLanguageElseIndonesianAndNothingWhenDeactivated() {
        String key = key();
        bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "id", "category", "promotion",
                "body", "satu")).post(BASE).then().statusCode(201);
        // English has no version at all: the Indonesian one
        assertEquals("satu@1", forSending("WHATSAPP", key, "en").orElseThrow());
        String en = bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "en", "category", "promotion",
                "body", "one")).post(BASE).then().statusCode(201).extract().path("id");
        bearer(admin()).body(Map.of("category", "promotion", "body", "two")).put(BASE + "/" + en).then().statusCode(200);
        assertEquals("two@2", forSending("WHATSAPP", key, "en").orElseThrow());
        // English deactivated: no more sends in English (no silent switch to Indonesian), Indonesian unaffected
        bearer(admin()).delete(BASE + "/" + en).then().statusCode(204);
        assertEquals(java.util.Optional.empty(), forSending("WHATSAPP", key, "en"));
        assertEquals("satu@1", forSending("WHATSAPP", key, "id").orElseThrow());
        assertEquals(java.util.Optional.empty(), forSending("EMAIL", key, "id"));
    }

    @Test
    void parallelEditsOfOneVersionMakeOneNewVersion() throws Exception {
        String key = key();
        String v1 = bearer(admin()).body(Map.of("channel", "WHATSAPP", "key", key, "locale", "id", "category", "promotion",
                "body", "v1")).post(BASE).then().statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> edits = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                edits.add(() -> bearer(admin()).body(Map.of("category", "promotion", "body", "edit " + n))
                        .put(BASE + "/" + v1).then().extract().statusCode());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(edits)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, Db.count(db, "SELECT count(*) FROM message_template WHERE template_key = ?", key));
    }

    @Test
    void onlyAdmins() {
        UUID someone = UUID.randomUUID();
        json().get(BASE).then().statusCode(401).contentType("application/problem+json");
        bearer(TestJwt.customer(someone)).get(BASE).then().statusCode(403).contentType("application/problem+json");
        bearer(TestJwt.affiliate(someone)).body(Map.of("channel", "WHATSAPP", "key", key(), "locale", "id",
                "category", "order", "body", "x")).post(BASE).then().statusCode(403);
        String seeded = bearer(admin()).queryParam("key", "payout_paid").queryParam("locale", "id").get(BASE)
                .then().extract().path("items[0].id");
        bearer(TestJwt.customer(someone)).body(Map.of("category", "order", "body", "x")).put(BASE + "/" + seeded)
                .then().statusCode(403);
        bearer(TestJwt.customer(someone)).delete(BASE + "/" + seeded).then().statusCode(403);
        assertEquals(1, Db.count(db, "SELECT count(*) FROM message_template WHERE template_key = 'payout_paid' AND locale = 'id'"));
    }

    @Test
    void hostileInputIs400ProblemJson() {
        Object[][] creates = {
                {"WHATSAPP", "Bad Key", "id", "order", "x"},
                {"WHATSAPP", "k'; drop table users; --", "id", "order", "x"},
                {"WHATSAPP", "a".repeat(65), "id", "order", "x"},
                {"SMS", key(), "id", "order", "x"},
                {"WHATSAPP", key(), "fr", "order", "x"},
                {"WHATSAPP", key(), "id", "marketing", "x"},
                {"WHATSAPP", key(), "id", "order", ""},
                {"WHATSAPP", key(), "id", "order", "   "},
                {"WHATSAPP", key(), "id", "order", "x".repeat(1025)},
                {"WHATSAPP", key(), "id", "order", "Halo {{name"},
                {"WHATSAPP", key(), "id", "order", "Halo {{1}}"},
                {"WHATSAPP", key(), "id", "order", "Halo {{ name }}"},
                {"WHATSAPP", key(), "id", "order", "bell \u0007"},
                {"WHATSAPP", key(), "id", "order", "nul \u0000"},
        };
        for (Object[] c : creates) {
            bearer(admin()).body(Map.of("channel", c[0], "key", c[1], "locale", c[2], "category", c[3], "body", c[4]))
                    .post(BASE).then().statusCode(400).contentType("application/problem+json")
                    .body(not(containsString("Exception"))).body(not(containsString("\tat ")));
        }
        for (String body : new String[]{"{", "[]", "{\"channel\":[\"WHATSAPP\"]}", "{\"body\":{}}", "null"}) {
            bearer(admin()).body(body).post(BASE).then().statusCode(400).contentType("application/problem+json");
        }
        // a seeded message may only use the variables its sender fills
        String seeded = bearer(admin()).queryParam("key", "payout_paid").queryParam("locale", "en").get(BASE)
                .then().extract().path("items[0].id");
        bearer(admin()).body(Map.of("category", "payout", "body", "Hi {{name}}, {{password}}")).put(BASE + "/" + seeded)
                .then().statusCode(400).body("errors[0].field", equalTo("body"));
        bearer(admin()).get(BASE + "/not-a-uuid").then().statusCode(400).contentType("application/problem+json");
        bearer(admin()).get(BASE + "/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        bearer(admin()).queryParam("channel", "SMS").get(BASE).then().statusCode(400);
        bearer(admin()).queryParam("locale", "x%").get(BASE).then().statusCode(400);
        bearer(admin()).queryParam("key", "' or 1=1").get(BASE).then().statusCode(400);
        bearer(admin()).queryParam("page", "abc").get(BASE).then().statusCode(400);
        bearer(admin()).queryParam("size", 1000).get(BASE).then().statusCode(400);
        bearer(admin()).queryParam("history", "maybe").get(BASE).then().statusCode(400);
        // nothing of it was stored
        bearer(admin()).queryParam("channel", "WHATSAPP").queryParam("size", 100).get(BASE).then().statusCode(200)
                .body("items.key", everyItem(not(containsString(" "))));
        assertEquals(22, Db.count(db, "SELECT count(*) FROM message_template WHERE created_by IS NULL")); // the seeds (V3, V4)
    }
}
