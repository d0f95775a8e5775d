package id.qutab.commerce.demo;

import id.qutab.testing.TestDb;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class DemoSeedTest {

    @Inject
    DemoSeed seed;

    @Inject
    TestDb db;

    @Test
    void seedingTwiceAddsTheDemoCatalogueOnce() {
        assertEquals(7, seed.seed());
        db.exec("UPDATE product SET stock = 39 WHERE id = '0d5c1a52-7a0e-4c1e-9a51-000000000101'");
        assertEquals(0, seed.seed());
        assertEquals(6, db.count("SELECT count(*) FROM product WHERE id::text LIKE '0d5c1a52-7a0e-4c1e-9a51-0000000001%'"));
        assertEquals(1, db.count("SELECT count(*) FROM coupon WHERE code = 'QURBANBERKAH'"));
        given().get("/api/products/0d5c1a52-7a0e-4c1e-9a51-000000000101").then().statusCode(200)
                .body("price", equalTo(3_250_000)).body("stock", equalTo(39)).body("category", equalTo("kambing"));
    }
}
