package id.qutab.identity.passwords;

import id.qutab.identity.passwords.PasswordRequests.ChangePassword;
import id.qutab.identity.support.ClientAddress;
import id.qutab.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/me/password")
@Authenticated
@Tag(name = "me")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChangePasswordResource {

    @Inject
    CurrentUser user;

    @Inject
    PasswordService passwords;

    @Inject
    ClientAddress clientAddress;

    @POST
    @ResponseStatus(204)
    @Operation(summary = "Change the password (wrong current → 403); every other session is signed out")
    public void change(@Valid @NotNull ChangePassword request, @Context HttpServerRequest http) {
        passwords.change(user.id(), user.session(), request, clientAddress.of(http));
    }
}
