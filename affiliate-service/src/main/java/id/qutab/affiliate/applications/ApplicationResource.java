package id.qutab.affiliate.applications;

import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The applicant's side: apply, and see how the application stands. */
@Path("/api/affiliate/application")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    @Inject
    AffiliateApplications applications;

    @Inject
    CurrentAffiliate current;

    /** 201 {@code {status: "PENDING"}}; again while pending or once approved → 409; during the cool-down → 422. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@Valid @NotNull ApplicationRequest request) {
        return Response.status(Response.Status.CREATED).entity(applications.submit(current.userId(), request)).build();
    }

    @GET
    public ApplicationView status() {
        return applications.status(current.userId());
    }
}
