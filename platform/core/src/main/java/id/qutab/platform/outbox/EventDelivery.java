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

    /** What became of one attempt. */
    public record Result(Outcome outcome, String error) {
        static final Result DELIVERED = new Result(Outcome.DELIVERED, null);

        static Result retry(String error) {
            return new Result(Outcome.RETRY, error);
        }

        static Result rejected(String error) {
            return new Result(Outcome.REJECTED, error);
        }
    }

    public enum Outcome {
        DELIVERED,
        /** The consumer could not take it now (down, timeout, 5xx, 408, 429, 401): try again later. */
        RETRY,
        /** The consumer says the event itself is bad (any other 4xx): retrying cannot help. */
        REJECTED
    }

    public Result deliver(OutboxRow row) {
        byte[] body;
        try {
            body = envelope(row);
        } catch (IllegalStateException e) {
            return Result.rejected(e.getMessage());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscriptions.urlOf(row.destination()) + "/internal/events"))
                .timeout(config.relay().deliveryTimeout())
                .header("Content-Type", "application/json")
                .header(EventSignature.HEADER, EventSignature.sign(events.secret(), Instant.now(), body))
                .header(EventSignature.SOURCE_HEADER, service.name())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return Result.DELIVERED;
            }
            String text = response.body() == null ? "" : response.body();
            String error = "HTTP " + status + ": " + (text.length() > 300 ? text.substring(0, 300) : text);
            return rejectsTheEvent(status) ? Result.rejected(error) : Result.retry(error);
        } catch (IOException e) {
            return Result.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.retry("interrupted");
        }
    }

    /**
     * A 4xx says the request is wrong, except 408 and 429 (come back later) and 401: the inbox refuses a
     * signature when the two services disagree on the secret or the time (a deploy gone wrong), which says
     * nothing about the event, and the signature is made afresh for every attempt.
     */
    static boolean rejectsTheEvent(int status) {
        return status / 100 == 4 && status != 401 && status != 408 && status != 429;
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
