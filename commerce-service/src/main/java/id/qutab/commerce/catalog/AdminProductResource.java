package id.qutab.commerce.catalog;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.UUID;

/** Product maintenance; admins also see inactive products. */
@Path("/api/admin/products")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminProductResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    ProductImages images;

    @GET
    public Page<ProductView> list(@QueryParam("category") String category, @QueryParam("q") String q,
                                  @QueryParam("aqiqah") Boolean aqiqah,
                                  @QueryParam("active") Boolean active,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalog.list(new ProductCatalog.Filter(Category.parse(category, "category"), q, active, false, aqiqah),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public ProductView get(@PathParam("id") UUID id) {
        return catalog.existing(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull ProductInput input) {
        ProductView created = catalog.create(input);
        return Response.created(URI.create("/api/products/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductView update(@PathParam("id") UUID id, @Valid @NotNull ProductInput input) {
        return catalog.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        catalog.delete(id);
        return Response.noContent().build();
    }

    /** Multipart field {@code file}: JPEG, PNG or WebP by content, at most {@code qutab.media.max-image-bytes}. */
    @POST
    @Path("/{id}/image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ProductView uploadImage(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "an image file is required");
        }
        return images.attach(id, file.uploadedFile(), file.size());
    }
}
