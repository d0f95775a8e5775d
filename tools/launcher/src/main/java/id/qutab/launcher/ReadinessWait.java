package id.qutab.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls an app's readiness path until it answers 200, the process dies, the deadline passes, or the start is cancelled. */
final class ReadinessWait {

    enum Outcome { READY, DIED, TIMED_OUT, CANCELLED }

    private static final Duration POLL = Duration.ofMillis(50);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    Outcome await(ServiceProcess process, URI health, long deadlineNanos, BooleanSupplier cancelled) {
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (cancelled.getAsBoolean()) {
                return Outcome.CANCELLED;
            }
            if (!process.isAlive()) {
                return Outcome.DIED;
            }
            try {
                HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Outcome.READY;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.CANCELLED;
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                return Outcome.TIMED_OUT;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.CANCELLED;
            }
        }
    }
}
