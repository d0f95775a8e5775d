package id.qutab.sandbox.kit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One asynchronous webhook POST of a sandbox's dispatcher. Every way it can end is reported once to the
 * {@link Outcome}: a 2xx with no error, anything else with a short error text (never an exception), so the caller only
 * decides whether to retry.
 */
public final class WebhookPost {

    /** {@code httpStatus} is 0 when no answer came; {@code error} is null only for a 2xx. */
    @FunctionalInterface
    public interface Outcome {
        void completed(int httpStatus, String error);
    }

    private WebhookPost() {
    }

    /** The client both sandboxes send with: HTTP/1.1, 5 s to connect, redirects not followed (a 3xx is a failure). */
    public static HttpClient client(Executor executor) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    /**
     * @param url      null when none is configured
     * @param describe turns a send failure into the error text the sandbox records
     */
    public static void post(HttpClient client, String url, Duration timeout, Map<String, String> headers, byte[] body,
                            Function<Throwable, String> describe, Outcome outcome) {
        try {
            if (url == null) {
                outcome.completed(0, "no callback URL configured");
                return;
            }
            HttpRequest request;
            try {
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
                headers.forEach(builder::header);
                request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            } catch (IllegalArgumentException e) {
                outcome.completed(0, "invalid callback URL: " + e.getMessage());
                return;
            }
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error != null) {
                    outcome.completed(0, describe.apply(error));
                } else {
                    int status = response.statusCode();
                    outcome.completed(status, status >= 200 && status < 300 ? null : "HTTP " + status);
                }
            });
        } catch (RuntimeException e) {
            outcome.completed(0, describe.apply(e));
        }
    }
}
