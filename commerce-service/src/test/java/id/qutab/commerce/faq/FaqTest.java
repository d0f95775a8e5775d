package id.qutab.commerce.faq;

import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static id.qutab.commerce.support.Fixtures.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class FaqTest {

    @Test
    void seededEntriesArePublicAndAdminsMaintainThem() {
        given().get("/api/faq").then().statusCode(200).body("total", greaterThanOrEqualTo(6))
                .body("items[0].question", equalTo("Bagaimana cara memesan hewan qurban di Qutab?"));
        given().queryParam("category", "pembayaran").get("/api/faq").then().statusCode(200)
                .body("items.category", not(hasItem("pemesanan")));
        String id = asAdmin().contentType(ContentType.JSON).body(Map.of("category", "Penyaluran",
                "question", "Apakah daging bisa dikirim ke luar kota?", "answer", "Bisa, untuk paket tertentu.", "sortOrder", 99))
                .post("/api/admin/faq").then().statusCode(201).body("category", equalTo("penyaluran")).extract().path("id");
        given().get("/api/faq").then().body("items.id", hasItem(id));
        asAdmin().contentType(ContentType.JSON).body(Map.of("question", "Q", "answer", "A", "active", false))
                .put("/api/admin/faq/" + id).then().statusCode(200);
        given().get("/api/faq").then().body("items.id", not(hasItem(id)));
        asAdmin().delete("/api/admin/faq/" + id).then().statusCode(204);
        asAdmin().delete("/api/admin/faq/" + id).then().statusCode(404);
    }
}
