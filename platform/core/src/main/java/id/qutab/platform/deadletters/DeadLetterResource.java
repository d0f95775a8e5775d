package id.qutab.platform.deadletters;

import id.qutab.platform.ServiceConfig;
import id.qutab.platform.outbox.OutboxStore;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Events this service could not deliver: refused by their consumer, or undeliverable for longer than
 * {@code qutab.outbox.relay.max-age}. Listing shows why; replay puts the row back in line with fresh attempts
 * (and unblocks the events of the same aggregate queued behind it), one by one or per destination.
 */
@Path("/api/admin/events/{service}/dead-letters")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** A service name as in {@code qutab.services.<name>.url}; anything else cannot have rows. */
    private static final Pattern DESTINATION = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_.-]{0,199}");

    @Inject
    OutboxStore store;

    @Inject
    ServiceConfig service;

    @GET
    public Page<OutboxStore.DeadLetter> list(@PathParam("service") String serviceName,
                                             @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        requireThisService(serviceName);
        PageRequest request = PageRequest.of(page, size);
        OutboxStore.DeadLetterPage dead = store.deadLetters(request.size(), request.offset());
        return new Page<>(dead.items(), request.page(), request.size(), dead.total());
    }

    @POST
    @Path("/{id}/replay")
    public Map<String, String> replay(@PathParam("service") String serviceName, @PathParam("id") UUID id) {
        requireThisService(serviceName);
        if (store.replay(id)) {
            return Map.of("id", id.toString(), "status", "PENDING");
        }
        if (store.exists(id)) {
            throw ProblemException.conflict("not-dead", "Only a dead letter can be replayed.");
        }
        throw ProblemException.notFound("Dead letter");
    }

    /** What a bulk replay takes (API.md): both optional; a destination and/or an event type narrow it. */
    public record ReplayFilter(String destination, String type) {
    }

    /**
     * Replays the dead letters of one destination and/or one event type, or all of them (e.g. after fixing the
     * consumer that refused them); each aggregate resumes from its dead head, so its events still arrive in order.
     * The filter comes as the body {@code {destination?, type?}} of API.md; {@code ?destination=} is accepted too.
     */
    @POST
    @Path("/replay")
    public Map<String, Object> replayMany(@PathParam("service") String serviceName,
                                          @Context UriInfo uri, ReplayFilter filter) {
        requireThisService(serviceName);
        // ?destination= given but empty is a mistake, not "every destination"
        List<String> named = uri.getQueryParameters().get("destination");
        String destination = named != null ? (named.isEmpty() ? "" : named.get(0))
                : filter == null ? null : filter.destination();
        String type = filter == null ? null : filter.type();
        if (destination != null && !DESTINATION.matcher(destination).matches()) {
            throw ProblemException.invalid("destination", "must be a service name such as affiliate");
        }
        if (type != null && !EVENT_TYPE.matcher(type).matches()) {
            throw ProblemException.invalid("type", "must be an event type such as commerce.order.paid");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        if (destination != null) {
            answer.put("destination", destination);
        }
        if (type != null) {
            answer.put("type", type);
        }
        answer.put("replayed", store.replayAll(destination, type));
        return answer;
    }

    private void requireThisService(String serviceName) {
        if (!service.name().equals(serviceName)) {
            throw ProblemException.notFound("Service " + serviceName);
        }
    }
}
