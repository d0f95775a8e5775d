package id.qutab.commerce.orders;

import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OrderPhotosTest {

    @Test
    void anUploadedDistributionPhotoIsStoredServedAndShownOnTheCustomersTracking() throws IOException {
        UUID me = customer();
        UUID id = placed(me, order(item(product("domba", 2_000_000, 5), 1, "Ahmad")));
        Pay.paid(me, id);
        byte[] png = png();

        String url = asAdmin().multiPart("file", "distribusi.png", png, "image/png")
                .post("/api/admin/orders/" + id + "/photos")
                .then().statusCode(201).body("photoUrl", startsWith(OrderPhotos.URL_PREFIX + id)).extract().path("photoUrl");
        byte[] served = given().get(url).then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertArrayEquals(png, served);

        String status = "/api/admin/orders/" + id + "/status";
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING")).post(status).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DISTRIBUTED", "note", "Dibagikan", "photoUrl", url))
                .post(status).then().statusCode(200);
        as(me).get("/api/orders/" + id).then().statusCode(200)
                .body("tracking[-1].status", equalTo("DISTRIBUTED"))
                .body("tracking[-1].photoUrl", equalTo(url));
    }

    @Test
    void onlyRealImagesOfExistingOrdersByAdminsAndOnlyOurOwnPathsAreAccepted() throws IOException {
        UUID me = customer();
        UUID id = placed(me, order(item(product("domba", 2_000_000, 5), 1, "Ahmad")));
        String path = "/api/admin/orders/" + id + "/photos";
        asAdmin().multiPart("file", "evil.png", "<?php echo 1; ?>".getBytes(), "image/png").post(path)
                .then().statusCode(415).contentType("application/problem+json");
        asAdmin().multiPart("file", "x.png", png(), "image/png").post("/api/admin/orders/" + UUID.randomUUID() + "/photos")
                .then().statusCode(404);
        as(me).multiPart("file", "x.png", png(), "image/png").post(path).then().statusCode(403);
        asAdmin().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(415);

        // a photoUrl must be a web URL or one of the uploaded photos, never another local path
        Pay.paid(me, id);
        asAdmin().contentType(ContentType.JSON).body(Map.of("note", "x", "photoUrl", "/media/orders/../../etc/passwd"))
                .post("/api/admin/orders/" + id + "/tracking").then().statusCode(400);
        given().get("/media/orders/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        given().get("/media/orders/" + id + "-0000000a.png").then().statusCode(404);
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0x2E7D32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
