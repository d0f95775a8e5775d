package id.qutab.identity.admin;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import id.qutab.platform.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/admin/users")
@RolesAllowed(Roles.ADMIN)
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminUserResource {

    @Inject
    AdminUserService admin;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Users, newest first; ?role=customer|affiliate|admin&q=<name, email or phone>&page=&size=")
    public Page<AdminUserView> list(@QueryParam("role") String role, @QueryParam("q") String q,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return admin.list(role, q, PageRequest.of(integer("page", page), integer("size", size)));
    }

    /** {@code ?page=abc} is the client's mistake (400), not "no such resource" (JAX-RS answers 404 for Integer params). */
    private static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One user")
    public AdminUserView get(@PathParam("id") UUID id) {
        return admin.get(id);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable: no sign-in, no refresh; sessions revoked")
    public AdminUserView disable(@PathParam("id") UUID id) {
        return admin.disable(id, user.id());
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled user")
    public AdminUserView enable(@PathParam("id") UUID id) {
        return admin.enable(id, user.id());
    }
}
