package id.qutab.commerce.catalog;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.product;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class CatalogTest {

    /** Over JDBC, not injected: {@code CatalogIT} runs these tests against the packaged app. */
    final TestDb db = TestDb.ofAppUnderTest();

    static Map<String, Object> input(String name, String category, long price, int stock, boolean active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("category", category);
        body.put("description", "Sehat, cukup umur");
        body.put("price", price);
        body.put("weightMin", 28);
        body.put("weightMax", 32);
        body.put("stock", stock);
        body.put("active", active);
        return body;
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesAProduct() {
        String id = asAdmin().contentType(ContentType.JSON).body(input("Kambing Jawa Randu", "kambing", 3_250_000, 10, true))
                .post("/api/admin/products")
                .then().statusCode(201)
                .header("Location", containsString("/api/products/"))
                .body("name", equalTo("Kambing Jawa Randu"))
                .body("category", equalTo("kambing"))
                .body("price", equalTo(3_250_000))
                .body("stock", equalTo(10))
                .body("active", equalTo(true))
                .body("imageUrl", nullValue())
                .extract().path("id");
        assertEquals(1, db.count("SELECT count(*) FROM product WHERE id = ?::uuid AND price = 3250000 AND stock = 10", id));

        given().get("/api/products/" + id).then().statusCode(200).body("weightMin", equalTo(28));

        asAdmin().contentType(ContentType.JSON).body(input("Kambing Jawa Randu Super", "kambing", 3_500_000, 7, true))
                .put("/api/admin/products/" + id)
                .then().statusCode(200).body("name", equalTo("Kambing Jawa Randu Super")).body("stock", equalTo(7));
        assertEquals(3_500_000L, db.one("SELECT price FROM product WHERE id = ?::uuid", id));

        asAdmin().delete("/api/admin/products/" + id).then().statusCode(204);
        given().get("/api/products/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        asAdmin().get("/api/admin/products/" + id).then().statusCode(404);
        assertNotNull(db.one("SELECT deleted_at FROM product WHERE id = ?::uuid", id));
    }

    @Test
    void productInputIsValidated() {
        asAdmin().contentType(ContentType.JSON).body(input("", "kambing", 1, 1, true)).post("/api/admin/products")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        asAdmin().contentType(ContentType.JSON).body(input("Unta", "unta", 1, 1, true)).post("/api/admin/products")
                .then().statusCode(400).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body(input("Sapi", "sapi", -5, 1, true)).post("/api/admin/products")
                .then().statusCode(400).body("errors.field", hasItem("price"));
        Map<String, Object> badRange = input("Sapi", "sapi", 1000, 1, true);
        badRange.put("weightMin", 500);
        badRange.put("weightMax", 300);
        asAdmin().contentType(ContentType.JSON).body(badRange).post("/api/admin/products")
                .then().statusCode(400).body("errors.field", hasItem("weightRange"));
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(input("Sapi", "sapi", 1000, 1, true)).post("/api/admin/products").then().statusCode(403);
        given().contentType(ContentType.JSON).body(input("Sapi", "sapi", 1000, 1, true)).post("/api/admin/products")
                .then().statusCode(401);
    }

    @Test
    void publicListFiltersSearchesPaginatesAndHidesInactiveProducts() {
        String tag = "zq" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            asAdmin().contentType(ContentType.JSON).body(input("Domba Garut " + tag + " " + i, "domba", 3_000_000, 5, true))
                    .post("/api/admin/products").then().statusCode(201);
        }
        String hidden = asAdmin().contentType(ContentType.JSON).body(input("Domba Garut " + tag + " hidden", "domba", 3_000_000, 5, false))
                .post("/api/admin/products").then().statusCode(201).extract().path("id");
        asAdmin().contentType(ContentType.JSON).body(input("Sapi Bali " + tag, "sapi", 20_000_000, 2, true))
                .post("/api/admin/products").then().statusCode(201);

        given().queryParam("q", tag).get("/api/products").then().statusCode(200)
                .body("total", equalTo(4)).body("items.id", not(hasItem(hidden)));
        given().queryParam("q", tag).queryParam("category", "domba").get("/api/products").then().statusCode(200)
                .body("total", equalTo(3)).body("items.category", everyItem(equalTo("domba")))
                .body("items.active", everyItem(equalTo(true)));
        // word prefix, case-insensitive, several words
        given().queryParam("q", "DOMB gar " + tag).get("/api/products").then().statusCode(200).body("total", equalTo(3));
        given().queryParam("q", tag).queryParam("page", 1).queryParam("size", 3).get("/api/products").then()
                .statusCode(200).body("items", hasSize(1)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("total", equalTo(4));
        // admins see the inactive one
        asAdmin().queryParam("q", tag).queryParam("active", false).get("/api/admin/products").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(hidden));
        given().get("/api/products/" + hidden).then().statusCode(404);
        // bad list parameters are the client's mistake
        given().queryParam("category", "unta").get("/api/products").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("size", 101).get("/api/products").then().statusCode(400);
        given().queryParam("q", "%' OR 1=1 --").get("/api/products").then().statusCode(200);
    }

    @Test
    void imagesAreValidatedByContentStoredAndServed() throws IOException {
        UUID id = product("kambing", 3_250_000, 3);
        byte[] png = png(40, 30);
        String url = asAdmin().multiPart("file", "kambing.png", png, "image/png")
                .post("/api/admin/products/" + id + "/image")
                .then().statusCode(200).body("imageUrl", startsWith("/media/products/" + id)).extract().path("imageUrl");
        byte[] served = given().get(url).then().statusCode(200).contentType("image/png")
                .header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(png, served);
        given().get("/api/products/" + id).then().body("imageUrl", equalTo(url));

        // a replacement removes the old file
        String second = asAdmin().multiPart("file", "k.jpg", jpeg(20, 20), "image/jpeg")
                .post("/api/admin/products/" + id + "/image").then().statusCode(200).extract().path("imageUrl");
        given().get(url).then().statusCode(404);
        given().get(second).then().statusCode(200).contentType("image/jpeg");

        // WebP: RIFF/WEBP container with a consistent length
        asAdmin().multiPart("file", "k.webp", webp(), "image/webp").post("/api/admin/products/" + id + "/image")
                .then().statusCode(200).body("imageUrl", containsString(".webp"));

        // a text file claiming to be an image, a PNG header on garbage, a file that is too large
        asAdmin().multiPart("file", "evil.png", "<?php echo 'hi'; ?>".getBytes(), "image/png")
                .post("/api/admin/products/" + id + "/image")
                .then().statusCode(415).contentType("application/problem+json");
        byte[] fakePng = new byte[200];
        System.arraycopy(png, 0, fakePng, 0, 16);
        asAdmin().multiPart("file", "broken.png", fakePng, "image/png").post("/api/admin/products/" + id + "/image")
                .then().statusCode(415);
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy(png, 0, big, 0, png.length);
        asAdmin().multiPart("file", "big.png", big, "image/png").post("/api/admin/products/" + id + "/image")
                .then().statusCode(413).contentType("application/problem+json");
        asAdmin().contentType(ContentType.JSON).body("{}").post("/api/admin/products/" + id + "/image")
                .then().statusCode(415);
        given().get("/media/products/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        given().get("/media/products/not-ours.png").then().statusCode(404);
    }

    static byte[] png(int w, int h) throws IOException {
        return encode(w, h, "png");
    }

    static byte[] jpeg(int w, int h) throws IOException {
        return encode(w, h, "jpg");
    }

    private static byte[] encode(int w, int h, String format) throws IOException {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x2E7D32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    static byte[] webp() {
        byte[] b = new byte[30];
        byte[] head = "RIFF".getBytes();
        System.arraycopy(head, 0, b, 0, 4);
        int riffSize = b.length - 8;
        b[4] = (byte) riffSize;
        System.arraycopy("WEBPVP8L".getBytes(), 0, b, 8, 8);
        return b;
    }
}
