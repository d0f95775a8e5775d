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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/affiliate/link} → {@code {code, url, active, share:{whatsapp, facebook, x}}} (active is false while
 * suspended).
 */
@Path("/api/affiliate/link")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class LinkResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    LinkView view;

    @GET
    @Operation(summary = "The affiliate's referral link, and ready-to-open share links: whatsapp (wa.me/?text=<share "
            + "text> <url>), facebook (sharer.php?u=<url>), x (twitter.com/intent/tweet?text=<share text>&url=<url>); "
            + "values percent-encoded UTF-8, spaces as %20; the text is qutab.referral.share-text")
    @Transactional
    public PortalViews.Link link() {
        return view.link(current.approved());
    }
}
