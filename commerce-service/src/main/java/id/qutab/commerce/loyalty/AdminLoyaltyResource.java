package id.qutab.commerce.loyalty;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.PageRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.UUID;

/** A customer's loyalty account for admins, and manual corrections. */
@Path("/api/admin/loyalty/customers/{userId}")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminLoyaltyResource {

    public static final long MAX_ADJUST = 1_000_000;

    @Inject
    CurrentUser user;

    @Inject
    LoyaltyQueries queries;

    @Inject
    LoyaltyAdjustment adjustment;

    @RegisterForReflection
    public record Adjust(@NotNull @Min(-MAX_ADJUST) @Max(MAX_ADJUST) Long points,
                         @NotBlank @Size(max = 500) String reason) {
    }

    @GET
    @Operation(summary = "{userId, points, tier, spend12Months, tierReviewAt?, expiring, entries: paged ledger with actorId}")
    public LoyaltyQueries.CustomerView get(@PathParam("userId") UUID userId, @QueryParam("page") Integer page,
                                           @QueryParam("size") Integer size) {
        return queries.customer(userId, PageRequest.of(page, size));
    }

    @POST
    @Path("/adjust")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Credit or debit points with a reason; the entry records the admin (audit)")
    public Response adjust(@PathParam("userId") UUID userId, @Valid @NotNull Adjust body) {
        if (body.points() == 0) {
            throw id.qutab.platform.problem.ProblemException.invalid("points", "must not be 0");
        }
        LoyaltyAdjustment.Adjusted done = adjustment.adjust(userId, body.points(), body.reason(), user.id());
        return Response.created(URI.create("/api/admin/loyalty/customers/" + userId)).entity(done).build();
    }
}
