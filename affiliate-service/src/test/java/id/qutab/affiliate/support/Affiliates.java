package id.qutab.affiliate.support;

import id.qutab.testing.TestJwt;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Affiliates made through the API, as a user and an admin would. */
public final class Affiliates {

    private static final String ADMIN = TestJwt.admin();

    private Affiliates() {
    }

    public record Made(UUID userId, UUID id, String code, String token) {
    }

    public static String admin() {
        return ADMIN;
    }

    public static UUID applyAs(UUID userId, String firstName, String lastName) {
        given().auth().oauth2(TestJwt.affiliate(userId)).contentType(ContentType.JSON)
                .body("{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\",\"whatsapp\":\"0812-3456-7890\","
                        + "\"instagram\":\"@" + firstName.toLowerCase() + "\",\"city\":\"Bandung\",\"reason\":\"Saya aktif di komunitas masjid.\"}")
                .post("/api/affiliate/application").then().statusCode(201);
        return given().auth().oauth2(ADMIN).queryParam("q", firstName).queryParam("size", 100)
                .get("/api/admin/affiliates").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.userId == '" + userId + "' }.id", String.class).stream()
                .map(UUID::fromString).findFirst().orElseThrow();
    }

    /** A registered (projection known), applied and approved affiliate; {@code code} null for a generated one. */
    public static Made approved(String firstName, String lastName, String code) {
        UUID userId = UUID.randomUUID();
        Events.userRegistered(userId, firstName + " " + lastName, firstName.toLowerCase() + "." + userId + "@example.id");
        UUID id = applyAs(userId, firstName, lastName);
        String issued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(code == null ? "{}" : "{\"code\":\"" + code + "\"}")
                .post("/api/admin/affiliates/" + id + "/approve").then().statusCode(200)
                .extract().path("code");
        return new Made(userId, id, issued, TestJwt.affiliate(userId));
    }

    public static Made approved(String firstName, String lastName) {
        return approved(firstName, lastName, null);
    }

    public static void suspend(UUID affiliateId) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Spam di grup WhatsApp\"}")
                .post("/api/admin/affiliates/" + affiliateId + "/suspend").then().statusCode(200);
    }
}
