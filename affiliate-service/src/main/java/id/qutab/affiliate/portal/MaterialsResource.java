package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.CurrentAffiliate;
import id.qutab.affiliate.materials.MaterialView;
import id.qutab.affiliate.materials.Materials;
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

/** {@code GET /api/affiliate/materials}: the active banners and captions, in the admins' order. */
@Path("/api/affiliate/materials")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class MaterialsResource {

    @Inject
    CurrentAffiliate current;

    @Inject
    Materials materials;

    @GET
    @Transactional
    public Page<MaterialView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        current.approved();
        return materials.page(true, PageRequest.of(page, size));
    }
}
