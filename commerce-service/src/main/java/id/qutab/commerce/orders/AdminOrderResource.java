package id.qutab.commerce.orders;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/admin/orders")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrderResource {

    private static final String URL = "https?://[^\\s]{1,490}";

    @Inject
    OrderQueries queries;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    CurrentUser user;

    @GET
    public Page<AdminOrderView> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                     @QueryParam("flagged") Boolean flagged,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.admin(OrderResource.parseStatus(status), q, flagged, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public AdminOrderView get(@PathParam("id") UUID id) {
        return queries.adminDetail(id);
    }

    public record StatusChange(@NotNull OrderStatus status, @Size(max = 1000) String note,
                               @Pattern(regexp = URL, message = "must be an http(s) URL") String photoUrl) {
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView status(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return lifecycle.progress(id, change.status(), change.note(), change.photoUrl(), user.id());
    }

    public record Note(@NotBlank @Size(max = 1000) String note,
                       @Pattern(regexp = URL, message = "must be an http(s) URL") String photoUrl) {
    }

    /** Extension: a tracking note (and photo) without a status change. */
    @POST
    @Path("/{id}/tracking")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView note(@PathParam("id") UUID id, @Valid @NotNull Note note) {
        return lifecycle.note(id, note.note(), note.photoUrl(), user.id());
    }

    public record RefundRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView refund(@PathParam("id") UUID id, @Valid @NotNull RefundRequest request) {
        return lifecycle.refund(id, request.reason(), user.id());
    }
}
