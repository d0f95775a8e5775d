package id.qutab.platform.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.qutab.platform.ServiceConfig;
import id.qutab.platform.events.EventSignature;
import id.qutab.platform.events.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** POSTs one signed event envelope to {@code {destination}/internal/events}. */
@ApplicationScoped
public class EventDelivery {

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Inject
    ObjectMapper json;

    @Inject
    EventsConfig events;

    @Inject
    ServiceConfig service;

    @Inject
    Subscriptions subscriptions;

    @Inject
    OutboxConfig config;

    /** Null when delivered (2xx); otherwise why it was not. */
    public String deliver(OutboxRow row) {
        byte[] body = envelope(row);
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscriptions.urlOf(row.destination()) + "/internal/events"))
                .timeout(config.relay().deliveryTimeout())
                .header("Content-Type", "application/json")
                .header(EventSignature.HEADER, EventSignature.sign(events.secret(), Instant.now(), body))
                .header(EventSignature.SOURCE_HEADER, service.name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String text = response.body() == null ? "" : response.body();
            return "HTTP " + response.statusCode() + ": " + (text.length() > 300 ? text.substring(0, 300) : text);
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    byte[] envelope(OutboxRow row) {
        try {
            ObjectNode envelope = json.createObjectNode()
                    .put("id", row.eventId().toString())
                    .put("type", row.eventType())
                    .put("aggregateId", row.aggregateId())
                    .put("occurredAt", row.occurredAt().toString())
                    .put("version", row.version());
            envelope.set("payload", json.readTree(row.payload()));
            return json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("stored payload is not JSON", e);
        }
    }
}
