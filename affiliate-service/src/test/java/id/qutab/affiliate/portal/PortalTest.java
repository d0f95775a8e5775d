package id.qutab.affiliate.portal;

import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The affiliate portal: link, dashboard, stats, referrals, commissions, profile, materials — and ownership. */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class PortalTest {

    private static final String PROBLEM = "application/problem+json";

    /** "Yuk tunaikan qurban & aqiqah bersama Qutab 🐐 Hewan sehat, penyaluran terdokumentasi." encoded by hand. */
    private static final String SHARE_TEXT = "Yuk%20tunaikan%20qurban%20%26%20aqiqah%20bersama%20Qutab%20%F0%9F%90%90"
            + "%20Hewan%20sehat%2C%20penyaluran%20terdokumentasi.";

    /** Over JDBC, not injected: {@code PortalIT} runs these tests against the packaged app. */
    final TestDb db = TestDb.ofAppUnderTest();

    private static UUID sale(Affiliates.Made a, String customer, long price) {
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        Attribution link = Attribution.link(a.code());
        Instant now = Instant.now();
        Events.deliverApplied(Event.of("commerce.order.created", order, now,
                Orders.created(order, "QTB-" + order.toString().substring(0, 6), buyer, customer, price, link)));
        Events.deliverApplied(Event.of("commerce.order.paid", order, now,
                Orders.paid(order, buyer, List.of(Line.of("kambing", 1, price)), 0, now, link)));
        return order;
    }

    @Test
    void linkAndDashboard() {
        Affiliates.Made a = Affiliates.approved("Dasbor", "Satu");
        given().auth().oauth2(a.token()).get("/api/affiliate/link").then().statusCode(200)
                .body("code", equalTo(a.code())).body("url", equalTo("https://app.qutab.test/r/" + a.code()))
                .body("active", equalTo(true))
                // qutab.referral.share-text (its default: spaces, "&", "," and an emoji) percent-encoded as UTF-8,
                // spaces as %20 (a "+" would show literally in the share dialogs); the URL encoded as a value.
                .body("share.whatsapp", equalTo("https://wa.me/?text=" + SHARE_TEXT + "%20https%3A%2F%2Fapp.qutab.test%2Fr%2F" + a.code()))
                .body("share.facebook", equalTo("https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fapp.qutab.test%2Fr%2F" + a.code()))
                .body("share.x", equalTo("https://twitter.com/intent/tweet?text=" + SHARE_TEXT
                        + "&url=https%3A%2F%2Fapp.qutab.test%2Fr%2F" + a.code()));
        sale(a, "Siti Aminah", 3_000_000);
        sale(a, "Ahmad Dahlan", 4_000_000);
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then().statusCode(200)
                .body("period", equalTo("30d"))
                .body("orders", equalTo(2)).body("conversions", equalTo(2))
                .body("sales", equalTo(7_000_000)).body("clicks", equalTo(0)).body("conversionRate", equalTo(0.0f))
                .body("commission.pending", equalTo(350_000)).body("commission.available", equalTo(0))
                .body("commission.paid", equalTo(0))
                .body("tier.name", equalTo("Bronze")).body("tier.sales90d", equalTo(7_000_000))
                .body("tier.next.name", equalTo("Silver")).body("tier.next.remaining", equalTo(18_000_000))
                .body("today.orders", equalTo(2))
                .body("recent", hasSize(2)).body("recent[0].type", equalTo("REFERRAL"))
                .body("recent.customerName", hasItem("Ah*** Da****"));
    }

    @Test
    void statsBySeriesWithZeroDaysAndValidatedRanges() {
        Affiliates.Made a = Affiliates.approved("Grafik", "Harian");
        sale(a, "Rudi Hartono", 3_000_000);
        LocalDate today = Jakarta.today();
        db.exec("INSERT INTO daily_stats (affiliate_id, day, clicks, unique_clicks) VALUES (?, ?, 40, 10)",
                a.id(), today.minusDays(3));
        given().auth().oauth2(a.token()).queryParam("period", "7d").get("/api/affiliate/stats").then().statusCode(200)
                .body("from", equalTo(today.minusDays(6).toString())).body("to", equalTo(today.toString()))
                .body("series", hasSize(7))
                .body("series[3].date", equalTo(today.minusDays(3).toString()))
                .body("series[3].clicks", equalTo(40)).body("series[3].uniqueClicks", equalTo(10))
                .body("series[4].clicks", equalTo(0))
                .body("series[6].orders", equalTo(1)).body("series[6].sales", equalTo(3_000_000))
                .body("series[6].commission", equalTo(150_000))
                .body("totals.clicks", equalTo(40)).body("totals.conversions", equalTo(1))
                .body("totals.conversionRate", equalTo(2.5f));
        given().auth().oauth2(a.token()).queryParam("period", "today").get("/api/affiliate/stats").then()
                .body("series", hasSize(1)).body("totals.clicks", equalTo(0));
        given().auth().oauth2(a.token()).queryParam("from", today.minusDays(10).toString())
                .queryParam("to", today.minusDays(3).toString()).get("/api/affiliate/stats").then().statusCode(200)
                .body("period", equalTo("custom")).body("series", hasSize(8)).body("totals.clicks", equalTo(40));
        given().auth().oauth2(a.token()).get("/api/affiliate/stats").then().statusCode(200).body("series", hasSize(7));

        for (String[] bad : new String[][] {{"period", "1y"}, {"from", "2026-13-01"}, {"from", "kemarin"}}) {
            given().auth().oauth2(a.token()).queryParam(bad[0], bad[1]).queryParam("to", today.toString())
                    .get("/api/affiliate/stats").then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(a.token()).queryParam("from", today.toString()).queryParam("to", today.minusDays(1).toString())
                .get("/api/affiliate/stats").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(a.token()).queryParam("from", today.minusDays(400).toString()).queryParam("to", today.toString())
                .get("/api/affiliate/stats").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(a.token()).queryParam("from", today.toString())
                .get("/api/affiliate/stats").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(a.token()).queryParam("to", today.plusDays(1).toString()).queryParam("from", today.toString())
                .get("/api/affiliate/stats").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void referralsAreMaskedFilteredAndPaged() {
        Affiliates.Made a = Affiliates.approved("Rujuk", "Halaman");
        for (int i = 0; i < 3; i++) {
            sale(a, "Budi Santoso", 3_000_000);
        }
        UUID pendingOrder = UUID.randomUUID();
        Events.deliverApplied(Event.of("commerce.order.created", pendingOrder, Instant.now(),
                Orders.created(pendingOrder, "QTB-PEND", UUID.randomUUID(), "Al Ikhsan", 3_000_000, Attribution.link(a.code()))));
        given().auth().oauth2(a.token()).queryParam("size", 2).get("/api/affiliate/referrals").then().statusCode(200)
                .body("total", equalTo(4)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items[0].customerName", equalTo("A* Ik****")).body("items[0].status", equalTo("PENDING"));
        given().auth().oauth2(a.token()).queryParam("size", 2).queryParam("page", 1).get("/api/affiliate/referrals")
                .then().body("items", hasSize(2)).body("items.customerName", everyItem(equalTo("Bu** Sa*****")));
        given().auth().oauth2(a.token()).queryParam("status", "CONFIRMED").get("/api/affiliate/referrals").then()
                .body("total", equalTo(3)).body("items.status", everyItem(equalTo("CONFIRMED")));
        given().auth().oauth2(a.token()).queryParam("status", "PENDING").get("/api/affiliate/referrals").then()
                .body("total", equalTo(1)).body("items[0].orderNumber", equalTo("QTB-PEND"));
        given().auth().oauth2(a.token()).queryParam("status", "paid").get("/api/affiliate/referrals").then()
                .statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(a.token()).queryParam("status", "LOST").get("/api/affiliate/referrals").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("status"));
        given().auth().oauth2(a.token()).queryParam("page", -1).get("/api/affiliate/referrals").then().statusCode(400);
        String body = given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then().extract().asString();
        assertEquals(-1, body.indexOf("Budi Santoso"), "never the full name");
        assertEquals(-1, body.indexOf("customerUserId"), "never the customer's id");
    }

    @Test
    void anAffiliateNeverSeesAnotherAffiliatesLeadsCommissionsOrStats() {
        Affiliates.Made a = Affiliates.approved("Milik", "Satu");
        Affiliates.Made b = Affiliates.approved("Milik", "Dua");
        UUID aOrder = sale(a, "Citra Kirana", 3_000_000);
        UUID bOrder = sale(b, "Dodi Sudrajat", 4_000_000);
        db.exec("INSERT INTO daily_stats (affiliate_id, day, clicks, unique_clicks) VALUES (?, ?, 999, 99)"
                + " ON CONFLICT (affiliate_id, day) DO UPDATE SET clicks = 999, unique_clicks = 99", b.id(), Jakarta.today());

        given().auth().oauth2(a.token()).get("/api/affiliate/referrals").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].orderId", equalTo(aOrder.toString()))
                .body("items.orderId", not(hasItem(bOrder.toString())));
        given().auth().oauth2(a.token()).get("/api/affiliate/commissions").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(Commission.idFor(aOrder).toString()));
        given().auth().oauth2(a.token()).queryParam("period", "today").get("/api/affiliate/stats").then()
                .body("totals.clicks", equalTo(0)).body("totals.sales", equalTo(3_000_000));
        given().auth().oauth2(a.token()).get("/api/affiliate/dashboard").then()
                .body("clicks", equalTo(0)).body("sales", equalTo(3_000_000)).body("commission.pending", equalTo(150_000))
                .body("recent.orderId", not(hasItem(bOrder.toString())));
        given().auth().oauth2(b.token()).get("/api/affiliate/dashboard").then()
                .body("clicks", equalTo(999)).body("sales", equalTo(4_000_000));
        // there is no way to ask for someone else's data: no affiliate id is taken from the client
        given().auth().oauth2(a.token()).queryParam("affiliateId", b.id().toString()).get("/api/affiliate/commissions")
                .then().body("total", equalTo(1)).body("items[0].orderId", equalTo(aOrder.toString()));
        // a user without an affiliate record, a customer, an anonymous caller
        given().auth().oauth2(TestJwt.affiliate(UUID.randomUUID())).get("/api/affiliate/commissions").then()
                .statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.customer(UUID.randomUUID())).get("/api/affiliate/commissions").then()
                .statusCode(403).contentType(PROBLEM);
        given().get("/api/affiliate/dashboard").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.expired(a.userId(), "affiliate")).get("/api/affiliate/dashboard").then()
                .statusCode(401);
        given().auth().oauth2(TestJwt.signedByForeignKey(a.userId(), "affiliate")).get("/api/affiliate/referrals")
                .then().statusCode(401);
    }

    @Test
    void anApplicantWithoutApprovalHasNoPortalButAProfile() {
        UUID user = UUID.randomUUID();
        id.qutab.affiliate.support.Affiliates.applyAs(user, "Belum", "Disetujui");
        String token = TestJwt.affiliate(user);
        for (String path : List.of("/api/affiliate/link", "/api/affiliate/dashboard", "/api/affiliate/stats",
                "/api/affiliate/referrals", "/api/affiliate/commissions", "/api/affiliate/materials")) {
            given().auth().oauth2(token).get(path).then().statusCode(403).contentType(PROBLEM)
                    .body("type", equalTo("https://qutab.id/problems/not-approved"));
        }
        given().auth().oauth2(token).get("/api/affiliate/profile").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("code", nullValue());
    }

    @Test
    void profileUpdateAndSocialLinks() {
        Affiliates.Made a = Affiliates.approved("Profil", "Lengkap");
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"bio\":\"Penyalur qurban sejak 2015\",\"city\":\"Yogyakarta\",\"socialLinks\":{\"instagram\":\"@profil.qurban\","
                        + "\"tiktok\":\"profilqurban\",\"youtube\":\"https://youtube.com/@profil\",\"website\":\"https://profil.id\"}}")
                .patch("/api/affiliate/profile").then().statusCode(200)
                .body("bio", equalTo("Penyalur qurban sejak 2015")).body("city", equalTo("Yogyakarta"))
                .body("socialLinks.instagram", equalTo("profil.qurban")).body("socialLinks.youtube", equalTo("https://youtube.com/@profil"))
                .body("firstName", equalTo("Profil")).body("code", equalTo(a.code())).body("tier", equalTo("Bronze"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"socialLinks\":{\"instagram\":\"\"}}")
                .patch("/api/affiliate/profile").then().statusCode(200)
                .body("socialLinks.instagram", nullValue()).body("socialLinks.tiktok", equalTo("profilqurban"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON)
                .body("{\"socialLinks\":{\"website\":\"javascript:alert(1)\",\"instagram\":\"bad handle!\"},\"firstName\":\"\"}")
                .patch("/api/affiliate/profile").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("socialLinks.website")).body("errors.field", hasItem("socialLinks.instagram"))
                .body("errors.field", hasItem("firstName"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"whatsapp\":\"bukan nomor\"}")
                .patch("/api/affiliate/profile").then().statusCode(400).body("errors[0].field", equalTo("whatsapp"));
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"bio\": 12")
                .patch("/api/affiliate/profile").then().statusCode(400).contentType(PROBLEM);
        assertEquals("Yogyakarta", db.one("SELECT city FROM affiliate WHERE id = ?", a.id()));
    }

    @Test
    void photoUploadIsValidatedByContent() throws IOException {
        Affiliates.Made a = Affiliates.approved("Foto", "Profil");
        byte[] png = image("png");
        given().auth().oauth2(a.token()).multiPart("file", "me.png", png, "image/png")
                .post("/api/affiliate/profile/photo").then().statusCode(200)
                .body("photoUrl", equalTo("/api/affiliate/profile/photo"));
        byte[] served = given().auth().oauth2(a.token()).get("/api/affiliate/profile/photo").then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff").extract().asByteArray();
        assertArrayEquals(png, served);
        given().auth().oauth2(Affiliates.admin()).get("/api/admin/affiliates/" + a.id() + "/photo").then()
                .statusCode(200).contentType("image/png");
        String stored = (String) db.one("SELECT photo_file FROM affiliate WHERE id = ?", a.id());

        byte[] jpeg = image("jpg");
        given().auth().oauth2(a.token()).multiPart("file", "me.jpg", jpeg, "image/jpeg")
                .post("/api/affiliate/profile/photo").then().statusCode(200);
        given().auth().oauth2(a.token()).get("/api/affiliate/profile/photo").then().statusCode(200).contentType("image/jpeg");
        assertEquals(false, java.nio.file.Files.exists(java.nio.file.Path.of("target/test-media/affiliates", stored)),
                "the replaced photo is removed");

        // a PNG header with garbage behind it, a text file claiming to be a JPEG, an oversized file
        byte[] fake = new byte[200];
        System.arraycopy(png, 0, fake, 0, 16);
        given().auth().oauth2(a.token()).multiPart("file", "x.png", fake, "image/png")
                .post("/api/affiliate/profile/photo").then().statusCode(415).contentType(PROBLEM);
        given().auth().oauth2(a.token()).multiPart("file", "x.jpg", "hello".getBytes(), "image/jpeg")
                .post("/api/affiliate/profile/photo").then().statusCode(415).contentType(PROBLEM);
        byte[] big = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(png, 0, big, 0, png.length);
        given().auth().oauth2(a.token()).multiPart("file", "big.png", big, "image/png")
                .post("/api/affiliate/profile/photo").then().statusCode(413).contentType(PROBLEM);
        given().auth().oauth2(a.token()).multiPart("other", "x.png", png, "image/png")
                .post("/api/affiliate/profile/photo").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(a.token()).get("/api/affiliate/profile/photo").then().statusCode(200).contentType("image/jpeg");

        given().auth().oauth2(a.token()).delete("/api/affiliate/profile/photo").then().statusCode(204);
        given().auth().oauth2(a.token()).get("/api/affiliate/profile/photo").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(a.token()).get("/api/affiliate/profile").then().body("photoUrl", nullValue());
    }

    @Test
    void materialsAreManagedByAdminsAndListedForAffiliates() {
        String admin = Affiliates.admin();
        String banner = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"BANNER\",\"title\":\"Qurban 1447 H\",\"caption\":\"Tunaikan qurban bersama Qutab\","
                        + "\"imageUrl\":\"https://cdn.qutab.id/banner-1447.jpg\",\"sortOrder\":1}")
                .post("/api/admin/materials").then().statusCode(201).body("id", notNullValue()).extract().path("id");
        String hidden = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"CAPTION\",\"title\":\"Draf\",\"caption\":\"Belum siap\",\"active\":false}")
                .post("/api/admin/materials").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"kind\":\"BANNER\",\"title\":\"Tanpa gambar\"}")
                .post("/api/admin/materials").then().statusCode(400).body("errors[0].field", equalTo("imageUrl"));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"POSTER\",\"title\":\"x\"}").post("/api/admin/materials").then().statusCode(400)
                .contentType(PROBLEM);
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"BANNER\",\"title\":\"x\",\"imageUrl\":\"javascript:alert(1)\"}")
                .post("/api/admin/materials").then().statusCode(400).body("errors[0].field", equalTo("imageUrl"));

        Affiliates.Made a = Affiliates.approved("Materi", "Promosi");
        given().auth().oauth2(a.token()).queryParam("size", 100).get("/api/affiliate/materials").then().statusCode(200)
                .body("items.id", hasItem(banner)).body("items.id", not(hasItem(hidden)));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"kind\":\"BANNER\",\"title\":\"Qurban 1447 H\",\"imageUrl\":\"/media/b.jpg\",\"active\":false}")
                .put("/api/admin/materials/" + banner).then().statusCode(200).body("active", equalTo(false));
        given().auth().oauth2(a.token()).queryParam("size", 100).get("/api/affiliate/materials").then()
                .body("items.id", not(hasItem(banner)));
        given().auth().oauth2(admin).delete("/api/admin/materials/" + banner).then().statusCode(204);
        given().auth().oauth2(admin).delete("/api/admin/materials/" + banner).then().statusCode(404);
        given().auth().oauth2(a.token()).contentType(ContentType.JSON).body("{\"kind\":\"CAPTION\",\"title\":\"x\",\"caption\":\"y\"}")
                .post("/api/admin/materials").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/admin/materials").then().statusCode(200).body("items", not(empty()));
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 4, 0x0b6e4f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }
}
