package id.qutab.commerce.coupons;

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

/** Coupons assigned to the calling affiliate (JWT user → approved affiliate id; none yet → empty list). */
@Path("/api/affiliate/coupons")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class AffiliateCouponResource {

    @Inject
    CouponAdministration coupons;

    @Inject
    CurrentUser user;

    @GET
    public Page<CouponView> mine(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return coupons.ofAffiliateUser(user.id(), PageRequest.of(page, size));
    }
}
