package id.qutab.console.session;

import id.qutab.console.dashboard.DashboardPageTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;

/**
 * After logout, cookies copied before it open nothing, although their access token is a JWT that would still be
 * valid for minutes (identity spends the refresh token; the console forgets the access token). The same profile as
 * DashboardPageTest (no API reachable), so one Quarkus start serves both.
 */
@QuarkusTest
@TestProfile(DashboardPageTest.NoApi.class)
class LogoutTest {

    @Test
    void cookiesCopiedBeforeLogoutOpenNoPageAfterIt() {
        String access = DashboardPageTest.token("admin");
        RestAssured.given().redirects().follow(false).cookie("qutab_admin_at", access).cookie("qutab_admin_rt", "r1")
                .get("/users?role=admin").then().statusCode(503); // a page, built (the API is unreachable here)
        RestAssured.given().redirects().follow(false).cookie("qutab_admin_at", access).cookie("qutab_admin_rt", "r1")
                .post("/logout").then().statusCode(303).header("Location", endsWith("/admin/login"));
        RestAssured.given().redirects().follow(false).cookie("qutab_admin_at", access).cookie("qutab_admin_rt", "r1")
                .get("/users?role=admin").then().statusCode(303)
                .header("Location", endsWith("/admin/login?next=%2Fadmin%2Fusers%3Frole%3Dadmin"));
    }
}
