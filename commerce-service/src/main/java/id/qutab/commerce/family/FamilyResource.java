package id.qutab.commerce.family;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/me/family}: the caller's family members {@code {id, name, relation, birthDate}} (API.md), for the
 * birthday and aqiqah reminders. GET answers a plain array (at most {@code qutab.family.max-members}, oldest first).
 */
@Path("/api/me/family")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class FamilyResource {

    @Inject
    FamilyDates family;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "The caller's family members, oldest entry first")
    public List<FamilyMemberView> list() {
        return family.list(user.id());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a family member; 422 family-full beyond qutab.family.max-members")
    public Response add(@Valid @NotNull FamilyMemberInput input) {
        FamilyMemberView created = family.add(user.id(), input);
        return Response.created(URI.create("/api/me/family/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a family member (name, relation, birthDate); another customer's id is a 404")
    public FamilyMemberView update(@PathParam("id") UUID id, @Valid @NotNull FamilyMemberInput input) {
        return family.update(user.id(), id, input);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a family member; another customer's id is a 404")
    public Response delete(@PathParam("id") UUID id) {
        family.delete(user.id(), id);
        return Response.noContent().build();
    }
}
