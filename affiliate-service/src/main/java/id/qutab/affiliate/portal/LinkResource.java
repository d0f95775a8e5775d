package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/affiliate/link} → {@code {code, url, active}} (active is false while suspended). */
@Path("/api/affiliate/link")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    LinkView view;

    @GET
    @Transactional
    public PortalViews.Link link() {
        return view.link(current.approved());
    }
}
