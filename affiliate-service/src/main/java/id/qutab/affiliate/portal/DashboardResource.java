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
 * {@code GET /api/affiliate/dashboard[?period=today|7d|30d|90d]} (default 30d): totals of the period from
 * daily_stats, today's numbers, the commission summary by status, the tier and the recent activity.
 */
@Path("/api/affiliate/dashboard")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    DashboardView view;

    @GET
    @Transactional
    public PortalViews.Dashboard dashboard(@QueryParam("period") String period) {
        return view.dashboard(current.approved(), StatsPeriod.parse(period, null, null, "30d"));
    }
}
