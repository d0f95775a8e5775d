package id.qutab.gateway;

import id.qutab.gateway.support.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.URL;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forwarding headers are believed only from a peer in {@code qutab.gateway.trusted-proxies}; from anybody else they
 * are the sender's own claims and the connection says who it is. Hostile values never fail a request.
 */
@QuarkusTest
@TestProfile(TrustedProxyProfile.class)
class TrustedProxyTest {

    /** Not in the profile's list: an outsider reaching the gateway directly. */
    private static final String OUTSIDER = "127.0.0.2";

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void theRightMostForwardedValuesComeFromTheTrustedProxy() {
        given()
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "qutab.id")
                .get("/api/products")
                .then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.7"))
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("qutab.id"))
                .body("headers.x-forwarded-port", equalTo("443"));
    }

    @Test
    void theClientIsTheFirstAddressFromTheRightThatIsNotOneOfOurProxies() {
        // 10.1.2.3 is a proxy of ours (10.0.0.0/8) that passed the request on: the client is the one before it.
        given().header("X-Forwarded-For", "198.51.100.99, 203.0.113.8, 10.1.2.3")
                .get("/api/products").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.8"));
        // Two header lines are one list; an IPv4-mapped IPv6 address is the IPv4 client it spells.
        given().header("X-Forwarded-For", "198.51.100.99").header("X-Forwarded-For", "::ffff:203.0.113.9, 2001:db8:ffff::1")
                .get("/api/products").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("203.0.113.9"));
        // Only our proxies on the way: the first of them is as close to a client as we know.
        given().header("X-Forwarded-For", "10.0.0.7, 10.0.0.8")
                .get("/api/products").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("10.0.0.7"));
        // Forwarded host with a port and no X-Forwarded-Port: the port comes from the host.
        given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "qutab.id:8443")
                .get("/api/products").then().statusCode(200)
                .body("headers.x-forwarded-host", equalTo("qutab.id:8443"))
                .body("headers.x-forwarded-port", equalTo("8443"));
    }

    @Test
    void aSpoofedForwardedForFromAPeerThatIsNoProxyIsIgnored() throws Exception {
        int port = gateway.getPort();
        RawHttp.Response response = RawHttp.requestFrom(InetAddress.getByName(OUTSIDER), port, "GET", "/api/products",
                Map.of("X-Forwarded-For", "203.0.113.66", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "evil.example", "X-Forwarded-Port", "8443", "Forwarded", "for=203.0.113.66"));
        assertEquals(200, response.status(), response.body());
        JsonPath echoed = JsonPath.from(response.body());
        assertEquals(OUTSIDER, echoed.getString("headers.x-forwarded-for"));
        assertEquals("http", echoed.getString("headers.x-forwarded-proto"));
        assertEquals("localhost:" + port, echoed.getString("headers.x-forwarded-host"));
        assertEquals(String.valueOf(port), echoed.getString("headers.x-forwarded-port"));
        assertNull(echoed.get("headers.forwarded"));
    }

    @Test
    void anOutsiderCannotDodgeTheLimitByNamingOtherAddresses() throws Exception {
        InetAddress outsider = InetAddress.getByName("127.0.0.3");
        int port = gateway.getPort();
        assertEquals(200, RawHttp.requestFrom(outsider, port, "POST", "/api/auth/login",
                Map.of("X-Forwarded-For", "198.51.100.201")).status());
        RawHttp.Response second = RawHttp.requestFrom(outsider, port, "POST", "/api/auth/login",
                Map.of("X-Forwarded-For", "198.51.100.202"));
        assertEquals(429, second.status(), "the outsider's own bucket, whatever it claims: " + second.body());
        assertTrue(second.header("Content-Type").startsWith("application/problem+json"), second.header("Content-Type"));
    }

    @Test
    void rateLimitsApplyToTheForwardedClientAddress() {
        given().header("X-Forwarded-For", "198.51.100.1").post("/api/auth/login").then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.100.1").post("/api/auth/login").then().statusCode(429);
        // A different client behind the same proxy has its own bucket.
        given().header("X-Forwarded-For", "198.51.100.2").post("/api/auth/login").then().statusCode(200)
                .body("headers.x-forwarded-for", equalTo("198.51.100.2"));
    }

    static Stream<Arguments> hostileForwardedFor() {
        return Stream.of(
                Arguments.of("garbage", "not-an-ip", "127.0.0.1"),
                Arguments.of("markup", "<script>alert(1)</script>", "127.0.0.1"),
                Arguments.of("five octets", "1.2.3.4.5", "127.0.0.1"),
                Arguments.of("octet out of range", "999.1.1.1", "127.0.0.1"),
                Arguments.of("address with port", "203.0.113.5:4711", "127.0.0.1"),
                Arguments.of("host name", "evil.example", "127.0.0.1"),
                Arguments.of("commas only", " , ,, ", "127.0.0.1"),
                Arguments.of("empty hop before the client", "203.0.113.5, ", "203.0.113.5"),
                Arguments.of("garbage behind a proxy of ours", "203.0.113.5, junk, 10.0.0.1", "10.0.0.1"),
                Arguments.of("one huge hop", "9".repeat(15_000), "127.0.0.1"),
                Arguments.of("a thousand hops", "203.0.113.1, ".repeat(999) + "203.0.113.2", "203.0.113.2"),
                Arguments.of("a thousand hops of our own", "203.0.113.3, " + "10.0.0.1, ".repeat(1000), "203.0.113.3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileForwardedFor")
    void aHostileForwardedForFromTheProxyNeverFailsTheRequest(String what, String value, String expectedClient) {
        Response response = given().header("X-Forwarded-For", value).get("/api/products");
        assertEquals(200, response.statusCode(), what + ": " + response.asString());
        assertEquals(expectedClient, response.jsonPath().getString("headers.x-forwarded-for"), what);
    }

    @Test
    void hostileProtoHostAndPortFromTheProxyFallBackToTheConnectionsOwn() {
        int port = gateway.getPort();
        given().header("X-Forwarded-Proto", "javascript")
                .header("X-Forwarded-Host", "evil.example\"><script>")
                .header("X-Forwarded-Port", "99999999999999999999")
                .get("/api/products").then().statusCode(200)
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", equalTo("localhost:" + port))
                .body("headers.x-forwarded-port", equalTo(String.valueOf(port)));
    }

    @Test
    void aForwardedForOverTheHeaderLimitIsA4xxNotA5xx() {
        int status = given().header("X-Forwarded-For", "203.0.113.1, ".repeat(3_000)).get("/api/products").statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
    }
}
