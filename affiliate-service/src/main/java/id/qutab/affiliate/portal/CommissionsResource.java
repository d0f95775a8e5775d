package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.affiliate.commissions.CommissionStatus;
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

/** {@code GET /api/affiliate/commissions?status=PENDING|AVAILABLE|PAID|VOIDED&page=&size=}, newest first. */
@Path("/api/affiliate/commissions")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class CommissionsResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    CommissionsView view;

    @GET
    @Transactional
    public Page<PortalViews.CommissionItem> commissions(@QueryParam("status") String status,
                                                        @QueryParam("page") Integer page,
                                                        @QueryParam("size") Integer size) {
        return view.commissions(current.approved(), CommissionStatus.parse(status), PageRequest.of(page, size));
    }
}
