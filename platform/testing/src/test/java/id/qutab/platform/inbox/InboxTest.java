package id.qutab.platform.inbox;

import id.qutab.platform.events.EventSignature;
import id.qutab.testing.TestDb;
import id.qutab.testing.PostgresResource;
import id.qutab.testing.SignedEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class InboxTest {

    @Inject
    TestDb db;

    @BeforeEach
    void clean() {
        db.exec("TRUNCATE outbox, inbox, received_events");
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID id = UUID.randomUUID();
        String event = SignedEvents.envelope(id, "test.thing.happened", "a-1", "{\"n\":7,\"unknownField\":true}");
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("APPLIED"));
        SignedEvents.deliver(event).then().statusCode(200).body("outcome", equalTo("DUPLICATE"));
        assertEquals(List.of(List.of(id, 7)), db.rows("SELECT event_id, n FROM received_events"));
        assertEquals(1, db.count("SELECT count(*) FROM inbox WHERE event_id = ?", id));
    }

    @Test
    void concurrentDuplicatesApplyExactlyOnce() throws Exception {
        UUID id = UUID.randomUUID();
        String event = SignedEvents.envelope(id, "test.thing.happened", "a-2", "{\"n\":1}");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(CompletableFuture.supplyAsync(
                    () -> SignedEvents.deliver(event).then().statusCode(200).extract().<String>path("outcome"), pool));
        }
        List<String> outcomes = new ArrayList<>();
        for (CompletableFuture<String> answer : answers) {
            outcomes.add(answer.get());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter("APPLIED"::equals).count(), outcomes.toString());
        assertEquals(9, outcomes.stream().filter("DUPLICATE"::equals).count(), outcomes.toString());
        assertEquals(1, db.count("SELECT count(*) FROM received_events WHERE event_id = ?", id));
    }

    @Test
    void anEventNobodyHandlesIsRememberedAndIgnored() {
        UUID id = UUID.randomUUID();
        SignedEvents.deliver(id, "other.thing.happened", "x", "{}").then().statusCode(200)
                .body("outcome", equalTo("IGNORED"));
        assertEquals(1, db.count("SELECT count(*) FROM inbox WHERE event_id = ?", id));
        assertEquals(0, db.count("SELECT count(*) FROM received_events"));
    }

    @Test
    void unsignedForgedOrStaleDeliveriesAreRefusedWithoutEffect() {
        byte[] body = SignedEvents.envelope(UUID.randomUUID(), "test.thing.happened", "a-3", "{\"n\":1}")
                .getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(body).post("/internal/events")
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(body)
                .header(EventSignature.HEADER, EventSignature.sign("wrong-secret", Instant.now(), body))
                .post("/internal/events").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body)
                .header(EventSignature.HEADER, EventSignature.sign(SignedEvents.TEST_SECRET,
                        Instant.now().minusSeconds(3600), body))
                .post("/internal/events").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body)
                .header(EventSignature.HEADER, "t=abc,v1=zz")
                .post("/internal/events").then().statusCode(401);
        assertEquals(0, db.count("SELECT count(*) FROM inbox"));
        assertEquals(0, db.count("SELECT count(*) FROM received_events"));
    }

    @Test
    void aSignedButMalformedEnvelopeIsA400() {
        byte[] body = "{\"id\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(body)
                .header(EventSignature.HEADER, EventSignature.sign(SignedEvents.TEST_SECRET, Instant.now(), body))
                .post("/internal/events")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
