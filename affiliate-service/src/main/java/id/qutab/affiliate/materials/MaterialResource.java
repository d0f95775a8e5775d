package id.qutab.affiliate.materials;

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

import java.net.URI;
import java.util.UUID;

/** Admin CRUD of promotional materials ({@code /api/admin/materials}). */
@Path("/api/admin/materials")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class MaterialResource {

    @Inject
    Materials materials;

    @GET
    public Page<MaterialView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return materials.page(false, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public MaterialView get(@PathParam("id") UUID id) {
        return materials.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull MaterialInput input) {
        MaterialView created = materials.create(input);
        return Response.created(URI.create("/api/admin/materials/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MaterialView update(@PathParam("id") UUID id, @Valid @NotNull MaterialInput input) {
        return materials.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        materials.remove(id);
        return Response.noContent().build();
    }
}
