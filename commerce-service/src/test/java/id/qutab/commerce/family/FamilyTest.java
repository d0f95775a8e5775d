package id.qutab.commerce.family;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.platform.reports.DayRange;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 12: a customer's family dates (/api/me/family): own rows only, validated, erased with the account. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class FamilyTest {

    @Inject
    TestDb db;

    static Map<String, Object> member(String name, String relation, String birthDate) {
        return Map.of("name", name, "relation", relation, "birthDate", birthDate);
    }

    static ValidatableResponse post(UUID user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body).post("/api/me/family").then();
    }

    static String add(UUID user, String name, String relation, String birthDate) {
        return post(user, member(name, relation, birthDate)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse problem(ValidatableResponse r, int status) {
        return r.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void customersRecordChangeAndRemoveTheirFamily() {
        UUID me = UUID.randomUUID();
        as(me).get("/api/me/family").then().statusCode(200).body("$", hasSize(0));

        String id = post(me, member("  Aisyah  ", "CHILD", "2024-03-10")).statusCode(201)
                .header("Location", containsString("/api/me/family/"))
                .body("name", equalTo("Aisyah")).body("relation", equalTo("CHILD"))
                .body("birthDate", equalTo("2024-03-10")).extract().path("id");
        String spouse = add(me, "Fatimah", "SPOUSE", "1990-01-31");
        as(me).get("/api/me/family").then().statusCode(200)
                .body("id", contains(id, spouse)).body("name", contains("Aisyah", "Fatimah"));
        assertEquals(List.of("Aisyah", "CHILD", LocalDate.of(2024, 3, 10)),
                db.rows("SELECT name, relation, birth_date FROM family_member WHERE id = ?", UUID.fromString(id)).get(0)
                        .stream().map(v -> v instanceof java.sql.Date d ? d.toLocalDate() : v).toList());

        as(me).contentType(ContentType.JSON).body(member("Aisyah Putri", "CHILD", "2024-03-11"))
                .put("/api/me/family/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("name", equalTo("Aisyah Putri")).body("birthDate", equalTo("2024-03-11"));
        as(me).delete("/api/me/family/" + spouse).then().statusCode(204);
        as(me).get("/api/me/family").then().statusCode(200).body("id", contains(id));
        problem(as(me).delete("/api/me/family/" + spouse).then(), 404);
        // born today in Jakarta is allowed (the future is not)
        add(me, "Bayi", "CHILD", DayRange.today().toString());
    }

    @Test
    void anotherCustomersMembersDoNotExistForMe() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        String id = add(owner, "Umar", "PARENT", "1950-07-01");

        problem(as(stranger).contentType(ContentType.JSON).body(member("Hacked", "OTHER", "2000-01-01"))
                .put("/api/me/family/" + id).then(), 404);
        problem(as(stranger).delete("/api/me/family/" + id).then(), 404);
        as(stranger).get("/api/me/family").then().statusCode(200).body("$", hasSize(0));
        assertEquals(List.of("Umar", "PARENT"),
                db.rows("SELECT name, relation FROM family_member WHERE id = ?", UUID.fromString(id)).get(0));

        given().get("/api/me/family").then().statusCode(401).contentType("application/problem+json");
        asAdmin().get("/api/me/family").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void hostileInputIsABadRequest() {
        UUID me = UUID.randomUUID();
        String tomorrow = DayRange.today().plusDays(1).toString();
        problem(post(me, member("Anak", "CHILD", tomorrow)), 400).body("errors.field", org.hamcrest.Matchers.hasItem("birthDate"));
        problem(post(me, member("Kakek", "PARENT", "1899-12-31")), 400);
        problem(post(me, member("", "CHILD", "2020-01-01")), 400);
        problem(post(me, member("   ", "CHILD", "2020-01-01")), 400);
        problem(post(me, member("x".repeat(101), "CHILD", "2020-01-01")), 400);
        problem(post(me, member("Anak", "COUSIN", "2020-01-01")), 400);
        problem(post(me, member("Anak", "CHILD", "2020-02-30")), 400);
        problem(post(me, member("Anak", "CHILD", "yesterday")), 400);
        problem(post(me, "{\"name\":\"A\u0000b\",\"relation\":\"CHILD\",\"birthDate\":\"2020-01-01\"}"), 400);
        problem(post(me, "{\"name\":\"Anak\",\"relation\":\"CHILD\"}"), 400);
        problem(post(me, "{\"name\":\"Anak\",\"name\":\"Lain\",\"relation\":\"CHILD\",\"birthDate\":\"2020-01-01\"}"), 400);
        problem(post(me, "{\"name\":\"Anak\""), 400);
        problem(post(me, "[]"), 400);
        problem(as(me).contentType(ContentType.TEXT).body("hi").post("/api/me/family").then(), 415);
        problem(as(me).contentType(ContentType.JSON).body(member("Anak", "CHILD", "2020-01-01"))
                .put("/api/me/family/not-a-uuid").then(), 400);
        problem(as(me).delete("/api/me/family/%27%20OR%201=1").then(), 400);
        assertEquals(0, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", me));
        // the name is stored as given: no trimming of inner text, no interpretation
        add(me, "'; DROP TABLE family_member; --", "OTHER", "2000-01-01");
        assertEquals(1, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", me));
    }

    @Test
    void atMostTwentyMembersEvenInParallel() throws Exception {
        UUID me = UUID.randomUUID();
        for (int i = 0; i < 18; i++) {
            add(me, "Anggota " + i, "OTHER", "2000-01-01");
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<Integer> call = () -> post(me, member("Paralel", "OTHER", "2001-01-01")).extract().statusCode();
                results.add(pool.submit(call));
            }
            int created = 0;
            for (Future<Integer> f : results) {
                int status = f.get();
                if (status == 201) {
                    created++;
                } else {
                    assertEquals(422, status);
                }
            }
            assertEquals(2, created);
        } finally {
            pool.shutdown();
        }
        assertEquals(20, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", me));
        problem(post(me, member("Satu lagi", "OTHER", "2001-01-01")), 422).body("type", containsString("family-full"));
    }

    @Test
    void theFamilyIsErasedWithTheAccount() {
        UUID me = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        add(me, "Aisyah", "CHILD", "2024-03-10");
        add(me, "Umar", "PARENT", "1950-07-01");
        add(other, "Hasan", "CHILD", "2022-05-05");

        SignedEvents.deliver(UUID.randomUUID(), "identity.user.deleted", me.toString(), "{\"userId\":\"" + me + "\"}")
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));

        assertEquals(0, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", me));
        assertEquals(1, db.count("SELECT count(*) FROM family_member WHERE user_id = ?", other));
        as(me).get("/api/me/family").then().statusCode(200).body("$", hasSize(0));
    }
}
