package id.qutab.commerce.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.reports.DayRange;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.place;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static id.qutab.commerce.support.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: the daily reminders. Each reminder is a reminder_log row and a {@code commerce.reminder.due} outbox row
 * (asserted in the database), at most once per year per person and kind, only for customers who accept promotions.
 * The job runs for a given Jakarta day ({@link Reminders#run}), as the schedule does for today.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class RemindersTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestDb db;

    @Inject
    Reminders reminders;

    static void preferences(UUID user, boolean whatsappPromotions, boolean emailPromotions, String at) {
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.preferences-changed", user.toString(),
                "{\"userId\":\"" + user + "\",\"whatsapp\":{\"transactional\":true,\"promotions\":" + whatsappPromotions
                        + "},\"email\":{\"transactional\":true,\"promotions\":" + emailPromotions + "},\"at\":\"" + at + "\"}")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));
    }

    static UUID optedIn() {
        UUID user = customer();
        preferences(user, true, false, "2026-01-01T00:00:00Z");
        return user;
    }

    /** The reminder events recorded for a customer, oldest first. */
    List<JsonNode> events(UUID user) {
        List<JsonNode> out = new ArrayList<>();
        for (List<Object> row : db.rows("""
                SELECT payload::text, destination FROM outbox WHERE event_type = 'commerce.reminder.due' AND aggregate_id = ?
                ORDER BY occurred_at, id""", user.toString())) {
            assertEquals("identity", row.get(1));
            try {
                out.add(JSON.readTree((String) row.get(0)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    }

    List<JsonNode> events(UUID user, String kind) {
        return events(user).stream().filter(e -> kind.equals(e.path("kind").asText())).toList();
    }

    String member(UUID user, String name, String relation, String birthDate) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("name", name, "relation", relation, "birthDate", birthDate))
                .post("/api/me/family").then().statusCode(201).extract().path("id");
    }

    /** An order of the customer, paid at {@code paidAt} (a Jakarta date-time) and in {@code status}. */
    UUID paidOrder(UUID user, UUID product, String paidAt, String status, String... onBehalfOf) {
        UUID orderId = placed(user, order(item(product, 1, onBehalfOf)));
        db.exec("UPDATE customer_order SET status = ?, paid_at = CAST(? AS timestamp) AT TIME ZONE 'Asia/Jakarta' WHERE id = ?",
                status, paidAt, orderId);
        return orderId;
    }

    void assertPayloadIds(JsonNode e, UUID user, String kind, int year) {
        assertEquals(user.toString(), e.path("userId").asText());
        assertEquals(kind, e.path("kind").asText());
        assertEquals(year, e.path("year").asInt());
        UUID reminderId = UUID.fromString(e.path("reminderId").asText());
        assertEquals(List.of(user, kind, year), db.rows("SELECT user_id, kind, year FROM reminder_log WHERE id = ?",
                reminderId).get(0));
    }

    @Test
    void theQurbanReminderGoesOncePerYearToLastYearsCustomersWhoOptedIn() throws Exception {
        UUID product = product("sapi", 2_000_000, 50);
        UUID loyal = optedIn();
        paidOrder(loyal, product, "2025-06-01 10:00", "COMPLETED");
        UUID noOrderLastYear = optedIn();
        paidOrder(noOrderLastYear, product, "2024-12-31 23:00", "COMPLETED"); // 2024 in Jakarta
        UUID refunded = optedIn();
        paidOrder(refunded, product, "2025-06-01 10:00", "REFUNDED");
        UUID notOptedIn = customer();
        paidOrder(notOptedIn, product, "2025-06-01 10:00", "COMPLETED");
        UUID optedOut = optedIn();
        paidOrder(optedOut, product, "2025-06-01 10:00", "COMPLETED");
        preferences(optedOut, false, false, "2026-02-01T00:00:00Z");

        // Eid 2026-05-27, 14 days before: the window is 13..26 May
        reminders.run(LocalDate.of(2026, 5, 12));
        assertEquals(0, events(loyal).size());

        // several instances (or an admin's run beside the schedule) at once: the log's unique key lets one send
        List<UUID> sameSeason = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID u = optedIn();
            paidOrder(u, product, "2025-05-30 10:00", "COMPLETED");
            sameSeason.add(u);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Reminders.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> reminders.run(LocalDate.of(2026, 5, 13))));
            }
            for (Future<Reminders.Run> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        reminders.run(LocalDate.of(2026, 5, 13));
        reminders.run(LocalDate.of(2026, 5, 20));
        for (UUID u : sameSeason) {
            assertEquals(1, events(u).size(), "one qurban reminder for " + u);
            assertEquals(1, db.count("SELECT count(*) FROM reminder_log WHERE user_id = ?", u));
        }
        reminders.run(LocalDate.of(2026, 5, 27));
        List<JsonNode> sent = events(loyal);
        assertEquals(1, sent.size(), sent.toString());
        JsonNode e = sent.get(0);
        assertPayloadIds(e, loyal, "QURBAN", 2026);
        assertEquals("2026-05-27", e.path("eidDate").asText());
        assertTrue(e.path("link").asText().startsWith("http"), e.toString());
        assertFalse(e.has("personName") || e.has("couponCode"), e.toString());
        assertEquals(1, db.count("SELECT count(*) FROM reminder_log WHERE user_id = ? AND kind = 'QURBAN'", loyal));

        for (UUID none : List.of(noOrderLastYear, refunded, notOptedIn, optedOut)) {
            assertEquals(0, events(none).size(), "no reminder for " + none);
        }

        // next year: the customer paid again in 2026, so Eid 2027-05-17 brings the reminder again (window from 3 May)
        paidOrder(loyal, product, "2026-05-20 09:00", "COMPLETED");
        reminders.run(LocalDate.of(2027, 5, 2));
        assertEquals(1, events(loyal).size());
        reminders.run(LocalDate.of(2027, 5, 3));
        reminders.run(LocalDate.of(2027, 5, 16));
        List<JsonNode> both = events(loyal);
        assertEquals(2, both.size(), both.toString());
        assertPayloadIds(both.get(1), loyal, "QURBAN", 2027);
        assertEquals("2027-05-17", both.get(1).path("eidDate").asText());
        // the 2025 buyers who did not buy in 2026 are not last year's customers any more
        assertEquals(0, events(refunded).size());
    }

    @Test
    void anOlderPreferenceDeliveredLateDoesNotUndoANewerOne() {
        UUID user = customer();
        assertEquals(false, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
        preferences(user, false, true, "2026-03-02T00:00:00Z");
        assertEquals(true, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
        preferences(user, false, false, "2026-03-01T00:00:00Z"); // older: ignored
        assertEquals(true, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));
        preferences(user, false, false, "2026-03-03T00:00:00Z");
        assertEquals(false, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", user));

        // preferences may arrive before the registration: the registration keeps them
        UUID early = UUID.randomUUID();
        preferences(early, true, false, "2026-03-02T00:00:00Z");
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.registered", early.toString(),
                "{\"userId\":\"" + early + "\",\"name\":\"Early\",\"email\":\"e@example.test\",\"roles\":[\"customer\"]}")
                .then().statusCode(200);
        assertEquals(List.of("Early", true), db.rows("SELECT name, promotions_opt_in FROM customer WHERE id = ?", early).get(0));
    }

    @Test
    void aBirthdayBringsOneGreetingAndASingleUsePersonalCoupon() {
        UUID product = product("kambing", 3_000_000, 20);
        UUID parent = optedIn();
        String child = member(parent, "Aisyah", "CHILD", "2018-06-10");
        UUID silent = customer();
        member(silent, "Hasan", "CHILD", "2018-06-10");

        reminders.run(LocalDate.of(2026, 6, 9));
        assertEquals(0, events(parent, "BIRTHDAY").size());
        reminders.run(LocalDate.of(2026, 6, 10));
        reminders.run(LocalDate.of(2026, 6, 10));
        reminders.run(LocalDate.of(2026, 6, 11)); // catches up yesterday: already sent
        List<JsonNode> sent = events(parent, "BIRTHDAY");
        assertEquals(1, sent.size(), sent.toString());
        JsonNode e = sent.get(0);
        assertPayloadIds(e, parent, "BIRTHDAY", 2026);
        assertEquals("Aisyah", e.path("personName").asText());
        assertEquals("CHILD", e.path("relation").asText());
        assertEquals(50_000, e.path("couponAmount").asLong());
        String code = e.path("couponCode").asText();
        assertTrue(code.startsWith("ULTAH"), code);
        assertEquals(0, events(silent).size());

        // the coupon: one row, owned by the parent, single use, linked from the log
        List<Object> coupon = db.rows("""
                SELECT c.owner_user_id, c.discount_type, c.discount_value, c.usage_limit, c.active, r.person_id
                FROM coupon c JOIN reminder_log r ON r.coupon_id = c.id WHERE c.code = ?""", code).get(0);
        assertEquals(List.of(parent, "FIXED", 50_000L, 1, true, UUID.fromString(child)), coupon);

        UUID stranger = customer();
        as(stranger).contentType(ContentType.JSON).body(with(order(item(product, 1)), "couponCode", code))
                .post("/api/orders").then().statusCode(422).body("type", org.hamcrest.Matchers.containsString("coupon-not-found"));
        place(parent, with(order(item(product, 1)), "couponCode", code)).then().statusCode(201)
                .body("discount", equalTo(50_000));
        place(parent, with(order(item(product, 1)), "couponCode", code)).then().statusCode(422)
                .body("type", org.hamcrest.Matchers.containsString("coupon-exhausted"));

        // next year: greeted again, with a new coupon
        reminders.run(LocalDate.of(2027, 6, 10));
        List<JsonNode> twoYears = events(parent, "BIRTHDAY");
        assertEquals(2, twoYears.size());
        assertEquals(2027, twoYears.get(1).path("year").asInt());
        assertFalse(code.equals(twoYears.get(1).path("couponCode").asText()));

        // erased with the account: no family, no log; the unused coupon is switched off
        SignedEvents.deliver(UUID.randomUUID(), "identity.user.deleted", parent.toString(), "{\"userId\":\"" + parent + "\"}")
                .then().statusCode(200);
        assertEquals(0, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", parent));
        assertEquals(0, db.count("SELECT count(*) FROM reminder_log WHERE user_id = ?", parent));
        assertEquals(0, db.count("SELECT count(*) FROM coupon WHERE owner_user_id = ? AND active", parent));
        assertEquals(false, db.one("SELECT promotions_opt_in FROM customer WHERE id = ?", parent));
    }

    @Test
    void theTwentyNinthOfFebruaryIsCelebratedOnTheTwentyEighthInOtherYears() {
        UUID user = optedIn();
        member(user, "Kabisat", "SPOUSE", "1992-02-29");
        reminders.run(LocalDate.of(2027, 2, 27));
        assertEquals(0, events(user, "BIRTHDAY").size());
        reminders.run(LocalDate.of(2027, 2, 28));
        assertEquals(1, events(user, "BIRTHDAY").size());
        reminders.run(LocalDate.of(2027, 3, 1)); // catch-up of the 28th: nothing more
        assertEquals(1, events(user, "BIRTHDAY").size());
        // a leap year: on the day itself, not the 28th
        reminders.run(LocalDate.of(2028, 2, 28));
        assertEquals(1, events(user, "BIRTHDAY").size());
        reminders.run(LocalDate.of(2028, 2, 29));
        List<JsonNode> sent = events(user, "BIRTHDAY");
        assertEquals(2, sent.size());
        assertEquals(2028, sent.get(1).path("year").asInt());
    }

    @Test
    void aqiqahIsOfferedOnlyWhileTheCatalogueHasAnAqiqahPackage() {
        db.exec("UPDATE product SET aqiqah = FALSE WHERE aqiqah");
        UUID parent = optedIn();
        member(parent, "Bayi Baru", "CHILD", "2026-03-01");           // newborn
        member(parent, "Kakak", "CHILD", "2025-03-10");               // first birthday in 5 days
        member(parent, "Sulung", "CHILD", "2020-03-10");              // sixth birthday: too old
        member(parent, "Istri", "SPOUSE", "2026-03-01");              // not a child
        String done = member(parent, "Zahra", "CHILD", "2026-02-25"); // aqiqah already bought for her
        UUID silent = customer();
        member(silent, "Bayi Lain", "CHILD", "2026-03-01");
        LocalDate today = LocalDate.of(2026, 3, 5);

        reminders.run(today);
        assertEquals(0, events(parent, "AQIQAH").size());

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Paket Aqiqah Kambing");
        body.put("category", "kambing");
        body.put("price", 2_500_000);
        body.put("stock", 10);
        body.put("aqiqah", true);
        String aqiqahProduct = asAdmin().contentType(ContentType.JSON).body(body).post("/api/admin/products")
                .then().statusCode(201).body("aqiqah", equalTo(true)).extract().path("id");
        io.restassured.RestAssured.given().get("/api/products?aqiqah=true&size=100").then().statusCode(200)
                .body("items.id", hasItem(aqiqahProduct));
        io.restassured.RestAssured.given().get("/api/products?aqiqah=false&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(aqiqahProduct)));
        paidOrder(parent, UUID.fromString(aqiqahProduct), "2026-03-02 10:00", "PAID", "zahra ");

        reminders.run(today);
        reminders.run(today);
        reminders.run(today.plusDays(2));
        List<JsonNode> sent = events(parent, "AQIQAH");
        assertEquals(List.of("Bayi Baru", "Kakak"), sent.stream().map(e -> e.path("personName").asText()).sorted().toList(),
                sent.toString());
        for (JsonNode e : sent) {
            assertEquals("CHILD", e.path("relation").asText());
            assertTrue(e.path("link").asText().endsWith("products?aqiqah=true"), e.toString());
            assertPayloadIds(e, parent, "AQIQAH", 2026); // newborn: birth year 2026; Kakak: birthday 2026-03-10
        }
        assertEquals(0, events(silent).size());
        assertNotNull(done);

        // an admin update without the field keeps the mark; with false, the offer stops
        Map<String, Object> update = new LinkedHashMap<>(body);
        update.remove("aqiqah");
        asAdmin().contentType(ContentType.JSON).body(update).put("/api/admin/products/" + aqiqahProduct)
                .then().statusCode(200).body("aqiqah", equalTo(true));
        update.put("aqiqah", false);
        asAdmin().contentType(ContentType.JSON).body(update).put("/api/admin/products/" + aqiqahProduct)
                .then().statusCode(200).body("aqiqah", equalTo(false));
        UUID later = optedIn();
        member(later, "Bayi Maret", "CHILD", "2026-03-04");
        reminders.run(today);
        assertEquals(0, events(later).size());
    }

    @Test
    void adminsRunTheJobForTodayOrAMissedDayButNotTheFuture() {
        asAdmin().post("/api/admin/jobs/reminders/run").then().statusCode(200)
                .body("job", equalTo("reminders")).body("day", equalTo(DayRange.today().toString()));
        asAdmin().post("/api/admin/jobs/reminders/run?day=" + DayRange.today().minusDays(3)).then().statusCode(200)
                .body("day", equalTo(DayRange.today().minusDays(3).toString()));
        asAdmin().post("/api/admin/jobs/reminders/run?day=" + DayRange.today().plusDays(1)).then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().post("/api/admin/jobs/reminders/run?day=nope").then().statusCode(400)
                .contentType("application/problem+json");
        as(UUID.randomUUID()).post("/api/admin/jobs/reminders/run").then().statusCode(403);
    }
}
