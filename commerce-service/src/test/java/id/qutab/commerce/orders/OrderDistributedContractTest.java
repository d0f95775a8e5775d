package id.qutab.commerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.commerce.support.Pay;
import id.qutab.commerce.support.ZenditSandboxResource;
import id.qutab.testing.EventContracts;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.TestDb;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.commerce.support.Fixtures.asAdmin;
import static id.qutab.commerce.support.Fixtures.customer;
import static id.qutab.commerce.support.Fixtures.item;
import static id.qutab.commerce.support.Fixtures.order;
import static id.qutab.commerce.support.Fixtures.placed;
import static id.qutab.commerce.support.Fixtures.product;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The producer side of {@code contracts/events/commerce.order.distributed.json}
 * ({@link OrderEventPublisher.Progressed}): an order distributed with a note and an uploaded photo records, for
 * identity, exactly the fixture's fields of its JSON types, the photo as our relative {@code /media/orders/…} path.
 * identity-service's {@code CommerceEventContractTest} feeds the fixture to its WhatsApp messages.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ZenditSandboxResource.class, restrictToAnnotatedClass = false)
class OrderDistributedContractTest {

    @Inject
    TestDb db;

    @Test
    void theRecordedDistributedEventHasExactlyTheFieldsOfTheContractFixture() throws Exception {
        UUID me = customer();
        UUID id = placed(me, order(item(product("domba", 2_000_000, 5), 1, "Ahmad")));
        Pay.paid(me, id);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        String url = asAdmin().multiPart("file", "distribusi.png", png.toByteArray(), "image/png")
                .post("/api/admin/orders/" + id + "/photos").then().statusCode(201).extract().path("photoUrl");
        String status = "/api/admin/orders/" + id + "/status";
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "PROCESSING")).post(status).then().statusCode(200);
        asAdmin().contentType(ContentType.JSON).body(Map.of("status", "DISTRIBUTED", "note", "Dibagikan", "photoUrl", url))
                .post(status).then().statusCode(200);

        List<List<Object>> rows = db.rows("SELECT payload::text FROM outbox WHERE event_type = 'commerce.order.distributed'"
                + " AND aggregate_id = ? AND destination = 'identity'", id.toString());
        assertEquals(1, rows.size());
        JsonNode distributed = EventContracts.read((String) rows.get(0).get(0));
        EventContracts.assertSameShape("commerce.order.distributed", distributed);
        assertEquals(url, distributed.get("photoUrl").asText());
        assertEquals("DISTRIBUTED", distributed.get("status").asText());
    }
}
