package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/affiliate/stats?period=today|7d|30d|90d} or {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD} (default 7d):
 * a daily series including days without activity, and its totals.
 */
@Path("/api/affiliate/stats")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    StatsView view;

    @GET
    @Transactional
    public PortalViews.Stats stats(@QueryParam("period") String period, @QueryParam("from") String from,
                                   @QueryParam("to") String to) {
        return view.stats(current.approved(), StatsPeriod.parse(period, from, to, "7d"));
    }
}
