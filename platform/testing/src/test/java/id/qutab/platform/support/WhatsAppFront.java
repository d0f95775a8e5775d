package id.qutab.platform.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the test app's WhatsApp channel calls ({@code qutab.whatsapp.base-url}): the embedded sandbox behind a switch.
 * {@link Mode#UP} forwards as is; {@link Mode#ERROR} answers 500 as the Graph API does when it is down;
 * {@link Mode#HANG} answers only after the channel's send-timeout (2 s); {@link Mode#BAD_TOKEN} forwards with another
 * token (the sandbox answers 401 #190); {@link Mode#WEBHOOKS_FIRST} forwards, then holds the answer until the
 * sandbox's status webhooks were received, so statuses arrive before the sender knows the message's id.
 */
@Path("/wa-front")
@PermitAll
public class WhatsAppFront {

    public enum Mode { UP, ERROR, HANG, BAD_TOKEN, WEBHOOKS_FIRST }

    public static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.UP);
    /** Sends answered with an error or not at all. */
    public static final AtomicInteger REFUSED = new AtomicInteger();
    public static final AtomicInteger CALLS = new AtomicInteger();
    /** Sends being answered right now. */
    public static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    /** Every send body received, in order. */
    public static final List<String> BODIES = new CopyOnWriteArrayList<>();

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void reset() {
        MODE.set(Mode.UP);
        REFUSED.set(0);
        CALLS.set(0);
        BODIES.clear();
    }

    @POST
    @Path("{path: .+}")
    public Response send(@PathParam("path") String path, @HeaderParam("Authorization") String authorization,
                         byte[] body) throws Exception {
        IN_FLIGHT.incrementAndGet();
        try {
            return answer(path, authorization, body);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    private Response answer(String path, String authorization, byte[] body) throws Exception {
        CALLS.incrementAndGet();
        BODIES.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        Mode mode = MODE.get();
        switch (mode) {
            case ERROR -> {
                REFUSED.incrementAndGet();
                return Response.status(500).type(MediaType.APPLICATION_JSON).entity("{\"error\":{\"message\":"
                        + "\"An unknown error has occurred.\",\"type\":\"OAuthException\",\"code\":1}}").build();
            }
            case HANG -> {
                REFUSED.incrementAndGet();
                Thread.sleep(2_500);
                return Response.status(504).build();
            }
            default -> {
            }
        }
        String token = mode == Mode.BAD_TOKEN ? "Bearer not-the-token" : authorization;
        HttpResponse<String> answer = CLIENT.send(HttpRequest.newBuilder(
                        URI.create(WhatsAppSandboxes.get().baseUrl() + "/" + path))
                .header("Authorization", token == null ? "" : token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            REFUSED.incrementAndGet();
        }
        if (mode == Mode.WEBHOOKS_FIRST) {
            WhatsAppSandboxes.get().awaitWebhooks(Duration.ofSeconds(5));
        }
        return Response.status(answer.statusCode()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
    }
}
