package id.qutab.identity.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;

/** The identity API as the tests call it. Every login comes from a fresh client address unless one is given. */
public final class Api {

    public static final String PASSWORD = "Rahasia-2026!";
    public static final String ADMIN_EMAIL = "admin@qutab.test";
    public static final String ADMIN_PASSWORD = "Admin-test-2026";

    private Api() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** An address in 10.0.0.0/8 no other test uses (probabilistically). */
    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    public static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification bearer(String accessToken) {
        return json().header("Authorization", "Bearer " + accessToken);
    }

    public static Map<String, Object> registration(String name, String email, String phone, String password, String type) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", phone);
        body.put("password", password);
        body.put("accountType", type);
        return body;
    }

    public static Response register(Map<String, Object> body) {
        return json().body(body).post("/api/auth/register");
    }

    /** Registers a customer with {@link #PASSWORD}; returns its id. */
    public static UUID registerCustomer(String email) {
        return registerAs(email, "customer");
    }

    public static UUID registerAs(String email, String accountType) {
        String id = register(registration("Ahmad Fauzi", email, "081234567890", PASSWORD, accountType))
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static Response login(String email, String password, String clientIp) {
        return json().header("X-Forwarded-For", clientIp)
                .body(Map.of("email", email, "password", password))
                .post("/api/auth/login");
    }

    /** Signs in (must succeed) and returns the token response. */
    public static JsonPath signIn(String email, String password) {
        return login(email, password, randomIp()).then().statusCode(200).extract().jsonPath();
    }

    public static Response refresh(String refreshToken) {
        return json().body(Map.of("refreshToken", refreshToken)).post("/api/auth/refresh");
    }

    public static Response logout(String refreshToken) {
        return json().body(Map.of("refreshToken", refreshToken)).post("/api/auth/logout");
    }

    public static String adminToken() {
        return signIn(ADMIN_EMAIL, ADMIN_PASSWORD).getString("accessToken");
    }
}
