package id.qutab.platform.web;

import id.qutab.platform.support.NoInternals;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import id.qutab.testing.TestDb;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile sweep's 500s, reproduced against an app of the platform alone: each must be a 4xx problem that
 * names no internals, and nothing may reach the database.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class HostileInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    TestDb db;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void clean() {
        db.exec("TRUNCATE notes, short_notes");
    }

    // --- paging -----------------------------------------------------------------------------------

    @Test
    void pagesWhoseOffsetOverflowsAnIntAre400NamingThePage() {
        for (String query : new String[] {"page=30000000&size=100", "page=2147483647", "page=21474837&size=100",
                "page=2147483647&size=1"}) {
            Response r = given().get("/test/notes?" + query);
            assertProblem(r, 400);
            r.then().body("errors[0].field", equalTo("page"));
        }
        Response deadLetters = given().auth().oauth2(TestJwt.admin())
                .get("/api/admin/events/platformtest/dead-letters?page=30000000&size=100");
        assertProblem(deadLetters, 400);
    }

    @Test
    void negativeZeroAndNonNumericPagingIs400() {
        assertProblem(given().get("/test/notes?page=-1"), 400);
        assertProblem(given().get("/test/notes?size=-5"), 400);
        assertProblem(given().get("/test/notes?size=0"), 400);
        assertProblem(given().get("/test/notes?page=99999999999"), 400);
        assertProblem(given().get("/test/notes?page=1e3"), 400);
    }

    @Test
    void theLastPageAnIntCanAddressStillWorks() {
        given().get("/test/notes?page=21474835&size=100").then().statusCode(200)
                .body("page", equalTo(21474835)).body("items.size()", equalTo(0));
    }

    // --- duplicated JSON keys ---------------------------------------------------------------------

    @Test
    void aDuplicatedKeyIs400NamingTheField() {
        Response r = given().contentType(ContentType.JSON).body("{\"text\":\"a\",\"text\":\"b\"}").post("/test/notes");
        assertProblem(r, 400);
        r.then().body("errors[0].field", equalTo("text"));

        Response nested = given().contentType(ContentType.JSON)
                .body("{\"text\":\"a\",\"labels\":{\"k\":\"1\",\"k\":\"2\"}}").post("/test/notes");
        assertProblem(nested, 400);
        nested.then().body("errors[0].field", equalTo("labels.k"));
        assertEquals(0, db.count("SELECT count(*) FROM notes"));
    }

    // --- NUL characters ---------------------------------------------------------------------------

    @Test
    void aNulInAJsonStringIs400NamingTheField() {
        Response r = given().contentType(ContentType.JSON).body("{\"text\":\"a\\u0000b\"}").post("/test/notes");
        assertProblem(r, 400);
        r.then().body("errors[0].field", equalTo("text"));

        Response inList = given().contentType(ContentType.JSON)
                .body("{\"text\":\"ok\",\"tags\":[\"x\",\"y\\u0000\"]}").post("/test/notes");
        assertProblem(inList, 400);
        inList.then().body("errors[0].field", equalTo("tags[1]"));

        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"text\":\"ok\",\"labels\":{\"k\":\"\\u0000\"}}").post("/test/notes"), 400);
        assertProblem(given().contentType(ContentType.JSON)
                .body("{\"text\":\"ok\",\"labels\":{\"k\\u0000\":\"v\"}}").post("/test/notes"), 400);
        assertEquals(0, db.count("SELECT count(*) FROM notes"));
    }

    @Test
    void otherControlCharactersAreDataAndStoredVerbatim() {
        given().contentType(ContentType.JSON).body("{\"text\":\"bell\\u0007tab\\tline\\nend\"}").post("/test/notes")
                .then().statusCode(200);
        assertEquals("bell\u0007tab\tline\nend", db.one("SELECT text FROM notes"));
    }

    @Test
    void aNulInAQueryOrPathIs400() {
        assertProblem(given().urlEncodingEnabled(false).get("/test/notes?q=a%00b"), 400)
                .body("errors.field", org.hamcrest.Matchers.contains("q"));
        assertProblem(given().urlEncodingEnabled(false).get("/test/notes/by-text/a%00b"), 400)
                .body("errors.field", org.hamcrest.Matchers.contains("path"));
        // A literal "%00" typed by a user arrives as %2500: text, not a NUL.
        given().urlEncodingEnabled(false).get("/test/notes?q=a%2500b").then().statusCode(200);
    }

    @Test
    void aNulInAFormFieldIs400() {
        assertProblem(given().contentType(ContentType.URLENC).body("text=a%00b").post("/test/notes/form"), 400);
        assertEquals(0, db.count("SELECT count(*) FROM notes"));
    }

    @Test
    void aNulInAMultipartTextFieldIs400ButBinaryFilesMayHoldZeros() {
        assertProblem(given().multiPart("caption", "a\u0000b")
                .multiPart("file", "x.bin", new byte[] {1, 0, 2}, "application/octet-stream")
                .post("/test/notes/upload"), 400);
        assertEquals(0, db.count("SELECT count(*) FROM notes"));

        given().multiPart("caption", "fine").multiPart("file", "x.bin", new byte[] {1, 0, 2}, "application/octet-stream")
                .post("/test/notes/upload").then().statusCode(200).body("fileBytes", equalTo(3));
    }

    @Test
    void aNulInAHeaderOrCookieNeverReachesTheDatabase() throws IOException {
        String response = raw("POST /test/notes/header HTTP/1.1\r\nHost: localhost\r\nX-Note: a\u0000b\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        NoInternals.assertClean(response);
        String cookie = raw("POST /test/notes/header HTTP/1.1\r\nHost: localhost\r\nCookie: note=a\u0000b\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(cookie.startsWith("HTTP/1.1 400"), cookie);
        NoInternals.assertClean(cookie);
        assertEquals(0, db.count("SELECT count(*) FROM notes"));
    }

    // --- multipart cut before its closing boundary --------------------------------------------------

    @Test
    void aMultipartBodyCutBeforeItsClosingBoundaryIs400() throws IOException {
        String head = "--XyZ\r\nContent-Disposition: form-data; name=\"caption\"\r\n\r\nhello\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n0123456789";
        for (String body : new String[] {head, head.substring(0, 40), "--XyZ\r\nContent-Disp"}) {
            String response = raw("POST /test/notes/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                    + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n"
                    + body);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
            assertTrue(response.toLowerCase().contains("content-type: " + PROBLEM), response);
            NoInternals.assertClean(response.substring(response.indexOf("\r\n\r\n")));
        }
        assertEquals(0, db.count("SELECT count(*) FROM notes"));
    }

    // --- what the database itself refuses -----------------------------------------------------------

    @Test
    void dataTheDatabaseRefusesIs400WithoutSql() {
        Response tooLong = given().contentType(ContentType.JSON).body("{\"code\":\"12345678901\",\"n\":1}")
                .post("/test/notes/short");
        assertProblem(tooLong, 400);
        tooLong.then().body("type", equalTo("https://qutab.id/problems/invalid-data"));
        assertProblem(given().contentType(ContentType.JSON).body("{\"code\":\"x\",\"n\":99999999999}")
                .post("/test/notes/short"), 400);
        assertEquals(0, db.count("SELECT count(*) FROM short_notes"));
    }

    @Test
    void anEventTheDatabaseRefusesStaysA500SoTheRelayRetriesIt() {
        // A 4xx would tell the relay the event itself is bad and dead-letter it at once.
        SignedEvents.deliver(UUID.randomUUID(), "test.bad-data", "agg-1", "{\"code\":\"far too long for ten\"}")
                .then().statusCode(500).contentType(PROBLEM);
        assertEquals(0, db.count("SELECT count(*) FROM short_notes"));
    }

    // -----------------------------------------------------------------------------------------------

    private static io.restassured.response.ValidatableResponse assertProblem(Response r, int status) {
        NoInternals.assertClean(r.asString());
        return r.then().statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("type", startsWith("https://qutab.id/problems/"));
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
            return received.toString(StandardCharsets.UTF_8);
        }
    }
}
