package id.qutab.commerce.wishlist;

import id.qutab.commerce.catalog.ProductView;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** The caller's wishlist: products, newest first. PUT and DELETE are idempotent (204). */
@Path("/api/wishlist")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class WishlistResource {

    @Inject
    Wishlist wishlist;

    @Inject
    CurrentUser user;

    @GET
    public Page<ProductView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return wishlist.list(user.id(), PageRequest.of(page, size));
    }

    @PUT
    @Path("/{productId}")
    public Response add(@PathParam("productId") UUID productId) {
        wishlist.add(user.id(), productId);
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{productId}")
    public Response remove(@PathParam("productId") UUID productId) {
        wishlist.remove(user.id(), productId);
        return Response.noContent().build();
    }
}
