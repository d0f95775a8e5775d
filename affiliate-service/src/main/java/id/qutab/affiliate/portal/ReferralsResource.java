package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.affiliate.attribution.LeadStatus;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/affiliate/referrals?status=PENDING|CONFIRMED|PAID|CANCELLED&page=&size=}: leads, names masked. */
@Path("/api/affiliate/referrals")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class ReferralsResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    ReferralsView view;

    @GET
    @Transactional
    public Page<PortalViews.Referral> referrals(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                                @QueryParam("size") Integer size) {
        return view.referrals(current.approved(), LeadStatus.parse(status), PageRequest.of(page, size));
    }
}
