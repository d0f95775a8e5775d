package id.qutab.commerce.orders;

import id.qutab.platform.problem.ProblemException;
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
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.Map;
import java.util.UUID;

@Path("/api/admin/orders")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOrderResource {

    private static final String URL = OrderPhotos.PHOTO_URL;

    @Inject
    OrderQueries queries;

    @Inject
    OrderLifecycle lifecycle;

    @Inject
    OrderPhotos photos;

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
                               @Pattern(regexp = URL, message = "must be an http(s) URL or an uploaded photo") String photoUrl) {
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView status(@PathParam("id") UUID id, @Valid @NotNull StatusChange change) {
        return lifecycle.progress(id, change.status(), change.note(), change.photoUrl(), user.id());
    }

    public record Note(@NotBlank @Size(max = 1000) String note,
                       @Pattern(regexp = URL, message = "must be an http(s) URL or an uploaded photo") String photoUrl) {
    }

    /** Extension: a tracking note (and photo) without a status change. */
    @POST
    @Path("/{id}/tracking")
    @Consumes(MediaType.APPLICATION_JSON)
    public OrderView note(@PathParam("id") UUID id, @Valid @NotNull Note note) {
        return lifecycle.note(id, note.note(), note.photoUrl(), user.id());
    }

    /**
     * Extension: a distribution photo (multipart {@code file}: JPEG, PNG or WebP by content) → 201
     * {@code {photoUrl}}, to be given as {@code photoUrl} of a status change or a tracking note.
     */
    @POST
    @Path("/{id}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response photo(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "an image file is required");
        }
        return Response.status(201).entity(Map.of("photoUrl", photos.store(id, file.uploadedFile(), file.size())))
                .build();
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
