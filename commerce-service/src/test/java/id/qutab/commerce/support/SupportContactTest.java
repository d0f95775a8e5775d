package id.qutab.commerce.support;

import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.as;
import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code GET /api/support/contact}. The %test profile sets every qutab.support.* value (a number with separators,
 * messages with "&", "," and an emoji), so the exact links below prove both the configuration and the encoding.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class SupportContactTest {

    private static final String GENERIC =
            "https://wa.me/6281270001234?text=Halo%20Qutab%20%26%20tim%2C%20saya%20butuh%20bantuan%20%F0%9F%99%8F";

    private static String forOrder(String number) {
        return "https://wa.me/6281270001234?text=Halo%2C%20pesanan%20" + number + "%20%26%20pertanyaan%20saya%3A";
    }

    @Test
    void publicContactComesFromConfigurationWithAnExactlyEncodedLink() {
        given().get("/api/support/contact").then().statusCode(200).contentType("application/json")
                .body("whatsapp", equalTo("+6281270001234"))
                .body("email", equalTo("bantuan@qutab.test"))
                .body("hours", equalTo("Setiap hari 07.00–21.00 WIB"))
                .body("waLink", equalTo(GENERIC));
    }

    @Test
    void theOwnerAndAnAdminGetTheOrderNumberEveryoneElseTheGenericMessage() {
        UUID owner = customer();
        UUID stranger = customer();
        UUID orderId = placed(owner, order(item(product("kambing", 3_250_000, 5), 1)));
        String number = as(owner).get("/api/orders/" + orderId).then().statusCode(200).extract().path("number");
        org.hamcrest.MatcherAssert.assertThat(number, matchesPattern("QTB-\\d{8}-\\w+"));

        as(owner).queryParam("orderId", orderId.toString()).get("/api/support/contact").then().statusCode(200)
                .body("waLink", equalTo(forOrder(number)));
        asAdmin().queryParam("orderId", orderId.toString()).get("/api/support/contact").then().statusCode(200)
                .body("waLink", equalTo(forOrder(number)));

        as(stranger).queryParam("orderId", orderId.toString()).get("/api/support/contact").then().statusCode(200)
                .body("waLink", equalTo(GENERIC)).body(not(containsString(number)));
        given().auth().oauth2(TestJwt.affiliate(stranger)).queryParam("orderId", orderId.toString())
                .get("/api/support/contact").then().statusCode(200).body("waLink", equalTo(GENERIC));
        given().queryParam("orderId", orderId.toString()).get("/api/support/contact").then().statusCode(200)
                .body("waLink", equalTo(GENERIC)).body(not(containsString(number)));
        // An unknown order answers exactly as someone else's: the link does not reveal which ids exist.
        as(owner).queryParam("orderId", UUID.randomUUID().toString()).get("/api/support/contact").then()
                .statusCode(200).body("waLink", equalTo(GENERIC));
    }

    @Test
    void aMalformedOrderIdIsAProblem() {
        given().queryParam("orderId", "not-a-uuid").get("/api/support/contact").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
        given().queryParam("orderId", "' OR 1=1 --").get("/api/support/contact").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
