package id.qutab.platform.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventSignature;
import id.qutab.platform.inbox.Inbox;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The inbox of the test destination {@code flaky} ({@code qutab.services.flaky.url}), whose answer a test
 * chooses: applied as a real inbox would, a given status (503 while "down", 422 for an event it refuses), or
 * no answer within the relay's delivery timeout.
 */
@Path("/flaky/internal/events")
@PermitAll
public class FlakyConsumer {

    public static final int UP = 0;
    public static final int TIMEOUT = -1;

    /** {@link #UP}, {@link #TIMEOUT}, or the HTTP status to answer. */
    public static final AtomicInteger ANSWER = new AtomicInteger(UP);
    public static final AtomicInteger CALLS = new AtomicInteger();
    /** How long each delivery takes on the relay's clock: a slow consumer, without making the test slow. */
    public static final AtomicReference<Duration> TAKES = new AtomicReference<>(Duration.ZERO);

    @Inject
    TestRelayClock clock;

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(byte[] body, @HeaderParam(EventSignature.SOURCE_HEADER) String source)
            throws IOException, InterruptedException {
        CALLS.incrementAndGet();
        clock.advance(TAKES.get());
        int answer = ANSWER.get();
        if (answer == TIMEOUT) {
            Thread.sleep(1500); // past the test profile's delivery-timeout (1 s)
            return Response.status(503).build();
        }
        if (answer != UP) {
            return Response.status(answer).type(MediaType.APPLICATION_JSON)
                    .entity("{\"status\":" + answer + ",\"title\":\"flaky\"}").build();
        }
        EventEnvelope event = json.readValue(body, EventEnvelope.class);
        return Response.ok(java.util.Map.of("outcome", inbox.apply(event, source).name()),
                MediaType.APPLICATION_JSON).build();
    }
}
