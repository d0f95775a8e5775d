package id.qutab.affiliate.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The consumer side of {@code contracts/events/commerce.order.*.json}, the payloads commerce-service's producer is
 * tested to emit (its {@code OrderEventContractTest}): every field {@link OrderEventPayloads} reads is in the
 * fixture with a matching JSON type and is actually read, and the fixtures themselves, delivered through the inbox,
 * make the lead and the commission.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class OrderEventContractTest {

    private static final String ORDER = "0b6f5c2e-1d3a-4c1e-9a8b-000000000001";
    private static final String BUYER = "0b6f5c2e-1d3a-4c1e-9a8b-0000000000b1";
    private static final String AFFILIATE = "0b6f5c2e-1d3a-4c1e-9a8b-0000000000a1";
    private static final String CODE = "FIXTURE1";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestDb db;

    static String fixture(String type) throws IOException {
        return Files.readString(Path.of("..", "contracts", "events", type + ".json"));
    }

    @Test
    void everyFieldTheConsumerReadsIsInTheProducersPayload() throws Exception {
        JsonNode created = JSON.readTree(fixture("commerce.order.created"));
        JsonNode paid = JSON.readTree(fixture("commerce.order.paid"));
        JsonNode completed = JSON.readTree(fixture("commerce.order.completed"));
        JsonNode closed = JSON.readTree(fixture("commerce.order.closed"));
        assertFields(OrderEventPayloads.Created.class, created, "created");
        assertFields(OrderEventPayloads.Paid.class, paid, "paid");
        assertFields(OrderEventPayloads.Completed.class, completed, "completed");
        assertFields(OrderEventPayloads.Closed.class, closed, "closed");
        // and each is read under that name (a reader using another name reads null from the producer's payload)
        assertAllRead(OrderEventPayloads.Created.of(created), created);
        OrderEventPayloads.Paid p = OrderEventPayloads.Paid.of(paid);
        assertAllRead(p, paid);
        assertEquals(2, p.lines().size());
        assertAllRead(p.lines().get(0), paid.get("lines").get(0));
        assertAllRead(OrderEventPayloads.Completed.of(completed), completed);
        assertAllRead(OrderEventPayloads.Closed.of(closed), closed);
    }

    @Test
    void theProducersPayloadsThroughTheInboxMakeTheLeadAndTheCommission() throws Exception {
        for (String closing : List.of("refunded", "cancelled", "expired")) {
            Affiliates.Made a = Affiliates.approved("Kontrak", closing.substring(0, 1).toUpperCase() + closing.substring(1));
            UUID order = UUID.randomUUID();
            UUID buyer = UUID.randomUUID();
            deliver("commerce.order.created", "commerce.order.created", order, buyer, a);
            deliver("commerce.order.paid", "commerce.order.paid", order, buyer, a);
            deliver("commerce.order.completed", "commerce.order.completed", order, buyer, a);
            // 23,040,000 × 3% + 5,760,000 × 5% (the fixture's paidAmounts, the lowest tier)
            assertEquals(java.util.Arrays.asList("PENDING", 979_200L, 340, 28_800_000L, a.id()),
                    db.rows("SELECT status, amount, rate_bps, sales_amount, affiliate_id FROM commission WHERE order_id = ?",
                            order).get(0));
            assertEquals(List.of("QTB-20261120-0042", "LINK", "0190f3a2-1111-7abc-8def-123456789abc", "CONFIRMED",
                            28_800_000L), db.rows("SELECT order_number, source, click_id, status, order_total FROM lead"
                            + " WHERE order_id = ?", order).get(0));
            assertNotNull(db.one("SELECT order_completed_at FROM commission WHERE order_id = ?", order));
            assertEquals(buyer, db.one("SELECT user_id FROM tracked_order WHERE order_id = ?", order));
            assertEquals(Instant.parse("2026-11-20T03:00:00.123456Z"),
                    ((java.sql.Timestamp) db.one("SELECT created_at FROM tracked_order WHERE order_id = ?", order)).toInstant());

            deliver("commerce.order.closed", "commerce.order." + closing, order, buyer, a);
            assertEquals(List.of("VOIDED", "order " + closing + ": Hewan sakit"),
                    db.rows("SELECT status, voided_reason FROM commission WHERE id = ?", Commission.idFor(order)).get(0));
            assertEquals("CANCELLED", db.one("SELECT status FROM lead WHERE order_id = ?", order));
        }
    }

    /** The fixture as commerce would send it for this order, buyer and affiliate. */
    private static void deliver(String fixture, String type, UUID order, UUID buyer, Affiliates.Made a) throws IOException {
        String payload = fixture(fixture).replace(ORDER, order.toString()).replace(BUYER, buyer.toString())
                .replace(AFFILIATE, a.id().toString()).replace(CODE, a.code());
        Events.deliverApplied(Event.of(type, order, Instant.now(), payload));
    }

    /** Each component of the record is a field of the payload, of the JSON type its Java type reads. */
    private static void assertFields(Class<?> record, JsonNode payload, String where) {
        assertTrue(payload != null && payload.isObject(), where + " is an object");
        for (RecordComponent component : record.getRecordComponents()) {
            String path = where + "." + component.getName();
            JsonNode value = payload.get(component.getName());
            if (value == null) {
                fail(path + " is read by the consumer but not sent by the producer");
            }
            if (value.isNull()) {
                continue;
            }
            Class<?> type = component.getType();
            if (type.isRecord()) {
                assertFields(type, value, path);
            } else if (List.class.isAssignableFrom(type)) {
                assertTrue(value.isArray() && !value.isEmpty(), path + " is a non-empty array");
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                assertFields((Class<?>) element, value.get(0), path + "[0]");
            } else if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
                assertTrue(value.isIntegralNumber(), path + " is an integer: " + value);
            } else if (type == UUID.class) {
                assertTrue(value.isTextual(), path + " is text");
                UUID.fromString(value.asText());
            } else if (type == Instant.class) {
                assertTrue(value.isTextual(), path + " is text");
                Instant.parse(value.asText());
            } else if (type == String.class) {
                assertTrue(value.isTextual(), path + " is text: " + value);
            } else {
                fail(path + ": no contract check for " + type);
            }
        }
    }

    /** Every component whose fixture value is not null was read (is not null in the record). */
    private static void assertAllRead(Record read, JsonNode payload) throws Exception {
        for (RecordComponent component : read.getClass().getRecordComponents()) {
            JsonNode value = payload.get(component.getName());
            Object got = component.getAccessor().invoke(read);
            if (value != null && !value.isNull()) {
                assertNotNull(got, read.getClass().getSimpleName() + "." + component.getName() + " not read");
                if (got instanceof Record nested && value.isObject()) {
                    assertAllRead(nested, value);
                }
            }
        }
    }
}
