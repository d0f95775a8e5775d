package id.qutab.identity.admin;

import id.qutab.identity.support.Api;
import id.qutab.identity.support.Db;
import id.qutab.identity.support.Jwts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static id.qutab.identity.support.Api.bearer;
import static id.qutab.identity.support.Api.login;
import static id.qutab.identity.support.Api.randomIp;
import static id.qutab.identity.support.Api.refresh;
import static id.qutab.identity.support.Api.signIn;
import static id.qutab.identity.support.Api.uniqueEmail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class AdminUsersTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theConfiguredAdminExistsAndSignsInAsAdmin() {
        JsonPath admin = signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        assertEquals(List.of("admin"), admin.getList("user.roles"));
        assertEquals("admin", Jwts.claims(admin.getString("accessToken")).get("groups").get(0).asText());
        bearer(admin.getString("accessToken")).get("/api/me").then().statusCode(200)
                .body("emailVerified", is(true))
                .body("roles", contains("admin"));
    }

    @Test
    void listsSearchesAndFiltersUsers() {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String customerEmail = uniqueEmail(marker + "-cust");
        String affiliateEmail = uniqueEmail(marker + "-aff");
        UUID customer = Api.registerAs(customerEmail, "customer");
        UUID affiliate = Api.registerAs(affiliateEmail, "affiliate");
        String admin = Api.adminToken();

        bearer(admin).queryParam("q", marker.toUpperCase()).get("/api/admin/users").then().statusCode(200)
                .body("total", is(2))
                .body("page", is(0))
                .body("size", is(20))
                .body("items.id", containsInAnyOrder(customer.toString(), affiliate.toString()))
                .body("items[0].id", equalTo(affiliate.toString())) // newest first
                .body("items[0].email", equalTo(affiliateEmail))
                .body("items[0].disabled", is(false))
                .body("items[0].createdAt", notNullValue())
                .body("items[0].passwordHash", nullValue());

        bearer(admin).queryParam("q", marker).queryParam("role", "affiliate").get("/api/admin/users").then().statusCode(200)
                .body("total", is(1))
                .body("items[0].id", equalTo(affiliate.toString()))
                .body("items[0].roles", contains("affiliate"));

        bearer(admin).queryParam("role", "admin").get("/api/admin/users").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("items.roles", everyItem(hasItem("admin")))
                .body("items.email", hasItem(Api.ADMIN_EMAIL));

        // by name and by phone too; LIKE wildcards in q are literal
        bearer(admin).queryParam("q", "ahmad fau").queryParam("size", 1).get("/api/admin/users").then().statusCode(200)
                .body("size", is(1))
                .body("items.size()", is(1))
                .body("total", greaterThanOrEqualTo(2));
        bearer(admin).queryParam("q", "81234567890").queryParam("role", "customer").get("/api/admin/users").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1));
        bearer(admin).queryParam("q", "%").get("/api/admin/users").then().statusCode(200).body("total", is(0));

        // paging
        bearer(admin).queryParam("q", marker).queryParam("size", 1).queryParam("page", 1).get("/api/admin/users").then()
                .statusCode(200).body("total", is(2)).body("page", is(1)).body("items[0].id", equalTo(customer.toString()));
    }

    @Test
    void listRefusesBadParameters() {
        String admin = Api.adminToken();
        bearer(admin).queryParam("role", "superuser").get("/api/admin/users").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("role"));
        bearer(admin).queryParam("size", 101).get("/api/admin/users").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        bearer(admin).queryParam("page", -1).get("/api/admin/users").then().statusCode(400);
        bearer(admin).queryParam("page", "abc").get("/api/admin/users").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsMayUseTheAdminEndpoints() {
        String email = uniqueEmail("nosy");
        UUID id = Api.registerCustomer(email);
        String customer = signIn(email, Api.PASSWORD).getString("accessToken");
        bearer(customer).get("/api/admin/users").then().statusCode(403).contentType("application/problem+json");
        bearer(customer).post("/api/admin/users/" + id + "/disable").then().statusCode(403);
        bearer(TestJwt.affiliate(UUID.randomUUID())).get("/api/admin/users").then().statusCode(403);
        RestAssured.given().get("/api/admin/users").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().post("/api/admin/users/" + id + "/enable").then().statusCode(401);
        bearer(TestJwt.signedByForeignKey(UUID.randomUUID(), "admin")).get("/api/admin/users").then().statusCode(401);
        // a TestJwt admin token (same key pair in tests) is an admin here
        bearer(TestJwt.admin()).get("/api/admin/users").then().statusCode(200);
    }

    @Test
    void aDisabledUserCannotSignInOrRefreshUntilEnabled() {
        String email = uniqueEmail("disable");
        UUID id = Api.registerCustomer(email);
        JsonPath session = signIn(email, Api.PASSWORD);
        String admin = Api.adminToken();

        bearer(admin).post("/api/admin/users/" + id + "/disable").then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("disabled", is(true))
                .body("disabledAt", notNullValue());
        assertNotNull(Db.one(db, "SELECT disabled_at FROM users WHERE id = ?", id).get("disabled_at"));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", id));

        login(email, Api.PASSWORD, randomIp()).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/account-disabled"));
        // a wrong password still gets the generic answer: being disabled is not revealed to guessers
        login(email, "Wrong-password-1", randomIp()).then().statusCode(401);
        refresh(session.getString("refreshToken")).then().statusCode(401);
        bearer(session.getString("accessToken")).get("/api/me").then().statusCode(403);
        // idempotent
        bearer(admin).post("/api/admin/users/" + id + "/disable").then().statusCode(200).body("disabled", is(true));
        bearer(admin).queryParam("q", email).get("/api/admin/users").then().body("items[0].disabled", is(true));

        bearer(admin).post("/api/admin/users/" + id + "/enable").then().statusCode(200)
                .body("disabled", is(false))
                .body("disabledAt", nullValue());
        assertNull(Db.one(db, "SELECT disabled_at FROM users WHERE id = ?", id).get("disabled_at"));
        login(email, Api.PASSWORD, randomIp()).then().statusCode(200);
        // sessions revoked by the disable stay revoked
        refresh(session.getString("refreshToken")).then().statusCode(401);
    }

    @Test
    void disableAndEnableAnswerUnknownIdsWith404AndMalformedOnesWith400() {
        String admin = Api.adminToken();
        bearer(admin).post("/api/admin/users/" + UUID.randomUUID() + "/disable").then().statusCode(404)
                .contentType("application/problem+json");
        bearer(admin).post("/api/admin/users/" + UUID.randomUUID() + "/enable").then().statusCode(404);
        bearer(admin).post("/api/admin/users/not-a-uuid/disable").then().statusCode(400)
                .contentType("application/problem+json");
        bearer(admin).get("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void anAdminCannotDisableThemselves() {
        JsonPath admin = signIn(Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
        bearer(admin.getString("accessToken")).post("/api/admin/users/" + admin.getString("user.id") + "/disable")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://qutab.id/problems/cannot-disable-self"));
        bearer(admin.getString("accessToken")).get("/api/admin/users/" + admin.getString("user.id")).then().statusCode(200)
                .body("disabled", is(false));
    }
}
