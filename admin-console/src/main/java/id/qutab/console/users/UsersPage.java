package id.qutab.console.users;

import id.qutab.console.api.Api;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;
import java.util.UUID;

/** Users: search by name, email or phone and role; disable or enable an account (identity's admin API). */
@Path("/users")
public class UsersPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("users/list.html")
    Template list;

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("role") String role, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("q", q).filter("role", role)
                .fetch(api, "/api/admin/users", "users"));
    }

    @POST
    @Path("/{id}/disable")
    public Response disable(@PathParam("id") UUID id, @HeaderParam("Referer") String referer) {
        Map<String, Object> user = api.post("/api/admin/users/" + id + "/disable", Map.of());
        pages.flashOk(pages.localized(UserTexts.class).disabled(String.valueOf(user.get("email"))));
        return Redirects.to(Pages.back(referer, "/admin/users")).build();
    }

    @POST
    @Path("/{id}/enable")
    public Response enable(@PathParam("id") UUID id, @HeaderParam("Referer") String referer) {
        Map<String, Object> user = api.post("/api/admin/users/" + id + "/enable", Map.of());
        pages.flashOk(pages.localized(UserTexts.class).enabled(String.valueOf(user.get("email"))));
        return Redirects.to(Pages.back(referer, "/admin/users")).build();
    }
}
