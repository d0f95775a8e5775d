package id.qutab.commerce.loyalty;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own points: there is no user id in these paths, so nobody reads another customer's ledger. */
@Path("/api/loyalty")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    @Inject
    CurrentUser user;

    @Inject
    LoyaltyQueries queries;

    @GET
    @Operation(summary = "Balance, tier, progress to the next tier and upcoming expiries: "
            + "{points, tier:{code, name, multiplierBps}, nextTier:{code, spendNeeded}?, expiring:[{points, on}]}")
    public LoyaltyQueries.Summary summary() {
        return queries.summary(user.id());
    }

    @GET
    @Path("/history")
    @Operation(summary = "The caller's ledger, newest first: paged {id, type, points, orderId?, rewardId?, reason?, at}")
    public Page<LoyaltyQueries.EntryView> history(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return queries.history(user.id(), PageRequest.of(page, size), false);
    }
}
