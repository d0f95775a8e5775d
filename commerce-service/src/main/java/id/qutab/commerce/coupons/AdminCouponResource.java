package id.qutab.commerce.coupons;

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

@Path("/api/admin/coupons")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminCouponResource {

    @Inject
    CouponAdministration coupons;

    @GET
    public Page<CouponView> list(@QueryParam("q") String q, @QueryParam("active") Boolean active,
                                 @QueryParam("affiliateId") UUID affiliateId,
                                 @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return coupons.list(q, active, affiliateId, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public CouponView get(@PathParam("id") UUID id) {
        return coupons.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CouponInput input) {
        CouponView created = coupons.create(input);
        return Response.created(URI.create("/api/admin/coupons/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CouponView update(@PathParam("id") UUID id, @Valid @NotNull CouponInput input) {
        return coupons.update(id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        coupons.delete(id);
        return Response.noContent().build();
    }
}
