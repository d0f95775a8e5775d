package id.qutab.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventSignature;
import id.qutab.platform.events.EventsConfig;
import id.qutab.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /internal/events}: where other services' relays deliver. Authenticated by the HMAC of the
 * body (shared secret); never routed by the gateway.
 */
@Path("/internal/events")
@PermitAll
public class InboxResource {

    @Inject
    Inbox inbox;

    @Inject
    EventsConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Map<String, String> receive(byte[] body,
                                       @HeaderParam(EventSignature.HEADER) String signature,
                                       @HeaderParam(EventSignature.SOURCE_HEADER) String source) {
        if (!EventSignature.verify(config.secret(), signature, body, Instant.now(), config.maxSignatureAge())) {
            throw ProblemException.unauthorized("Missing or invalid event signature.");
        }
        EventEnvelope event = parse(body);
        Inbox.Outcome outcome = inbox.apply(event, source);
        return Map.of("eventId", event.id().toString(), "outcome", outcome.name());
    }

    private EventEnvelope parse(byte[] body) {
        try {
            EventEnvelope event = json.readValue(body, EventEnvelope.class);
            if (event.id() == null || event.type() == null || event.type().isBlank()) {
                throw ProblemException.badRequest("An event needs an id and a type.");
            }
            return event;
        } catch (IOException e) {
            throw ProblemException.badRequest("The event is not a valid envelope.");
        }
    }
}
