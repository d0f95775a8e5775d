package id.qutab.identity.accounts;

import id.qutab.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The caller's own account. The password lives at {@code /api/me/password} (passwords feature). */
@Path("/api/me")
@Authenticated
@Tag(name = "me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentUser user;

    @Inject
    AccountService accounts;

    @GET
    @Operation(summary = "The caller's profile")
    public UserView me() {
        return UserView.of(accounts.current(user.id()));
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change name, phone or mail language; absent fields stay")
    public UserView update(@Valid @NotNull ProfileUpdate update) {
        return UserView.of(accounts.update(user.id(), update));
    }

    @DELETE
    @ResponseStatus(204)
    @Operation(summary = "Delete the account: personal data anonymized, sessions revoked, orders kept")
    public void delete() {
        accounts.delete(user.id());
    }
}
