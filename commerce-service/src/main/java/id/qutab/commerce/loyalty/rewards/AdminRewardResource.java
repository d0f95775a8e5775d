package id.qutab.commerce.loyalty.rewards;

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

/** The reward catalogue (CONTRACTS12 "Admin APIs"). */
@Path("/api/admin/loyalty/rewards")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminRewardResource {

    @Inject
    RewardCatalogue catalogue;

    @GET
    public Page<RewardView> list(@QueryParam("active") Boolean active, @QueryParam("page") Integer page,
                                 @QueryParam("size") Integer size) {
        return catalogue.list(active, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public RewardView get(@PathParam("id") UUID id) {
        return catalogue.get(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull RewardInput input) {
        RewardView created = catalogue.create(input);
        return Response.created(URI.create("/api/admin/loyalty/rewards/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public RewardView update(@PathParam("id") UUID id, @Valid @NotNull RewardInput input) {
        return catalogue.update(id, input);
    }

    /** 204; the reward is deactivated, its redemptions keep it. */
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        catalogue.delete(id);
        return Response.noContent().build();
    }
}
