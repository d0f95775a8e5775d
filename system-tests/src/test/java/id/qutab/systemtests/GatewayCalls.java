package id.qutab.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The HTTP exchange and the polling wait that the system tests share. */
final class GatewayCalls {

    private GatewayCalls() {
    }

    /** An answer; status 0 when the connection failed (a service being killed is part of some tests). */
    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return OpenApiOperations.JSON.readTree(body);
            } catch (IOException e) {
                return OpenApiOperations.JSON.createObjectNode();
            }
        }

        Reply expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }
    }

    static Reply exchange(HttpClient http, String method, URI uri, Duration timeout, Map<String, String> headers,
                          String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
        headers.forEach(request::header);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration limit, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return;
            }
            Thread.sleep(250);
        }
        fail("timed out waiting for " + what);
    }
}
