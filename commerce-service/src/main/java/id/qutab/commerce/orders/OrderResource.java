package id.qutab.commerce.orders;

import id.qutab.commerce.attribution.AttributionResolver;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

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

    public record CancelRequest(@Size(max = 500, message = "must be at most 500 characters") String reason) {
    }

    /** Body {@code {reason?}}; an empty body or {@code null} cancels without a reason. Only while PENDING_PAYMENT, otherwise 409. */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView cancel(@PathParam("id") UUID id, @Valid CancelRequest request) {
        return cancellation.cancel(user.id(), id, request == null ? null : request.reason());
    }

    /**
     * The same cancel as a bare POST, without a content type (the body is optional): JSON readers only read JSON,
     * so a request that says nothing about its body lands here. A body that is not declared JSON is refused.
     */
    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(hidden = true)
    public OrderView cancelWithoutBody(@PathParam("id") UUID id, String body) {
        if (body != null && !body.isBlank()) {
            throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "Send the cancel body as application/json."));
        }
        return cancel(id, null);
    }

    static OrderStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(OrderStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "unknown order status"));
    }
}
