package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.AttributionResolver;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.UUID;

/** A customer's orders. Only the owner sees or touches an order; anyone else gets 404. */
@Path("/api/orders")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    OrderPlacement placement;

    @Inject
    OrderQueries queries;

    @Inject
    OrderCancellation cancellation;

    @Inject
    CurrentUser user;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    /** 201 with the new order; a repeat with the same Idempotency-Key and body: 200 with the first order. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(@Valid @NotNull PlaceOrderRequest request,
                          @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                          @CookieParam(AttributionResolver.COOKIE) String referralCookie) {
        OrderPlacement.Placed placed = placement.place(user.id(), request, idempotencyKey, referralCookie);
        Response.ResponseBuilder response = placed.replayed() ? Response.ok()
                : Response.created(URI.create("/api/orders/" + placed.order().id()));
        if (placed.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.entity(placed.order()).build();
    }

    @GET
    public Page<OrderView> mine(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                @QueryParam("size") Integer size) {
        return queries.mine(user.id(), parseStatus(status), PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public OrderView get(@PathParam("id") UUID id) {
        return queries.own(user.id(), id);
    }

    public record CancelRequest(String reason) {
    }

    /** Body optional: {@code {reason?}} (at most 500 characters). Only while PENDING_PAYMENT, otherwise 409. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    public OrderView cancel(@PathParam("id") UUID id, byte[] body) {
        String reason = null;
        if (body != null && body.length > 0) {
            try {
                CancelRequest request = json.readValue(body, CancelRequest.class);
                reason = request == null ? null : request.reason();
            } catch (java.io.IOException e) {
                throw ProblemException.badRequest("The request body is not valid JSON of the expected shape.");
            }
            if (reason != null && reason.length() > 500) {
                throw ProblemException.invalid("reason", "must be at most 500 characters");
            }
        }
        return cancellation.cancel(user.id(), id, reason);
    }

    static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "unknown order status"));
    }
}
