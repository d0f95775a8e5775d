package id.qutab.identity.passwords;

import id.qutab.identity.passwords.PasswordRequests.ForgotPassword;
import id.qutab.identity.passwords.PasswordRequests.ResetPassword;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/auth")
@PermitAll
@Tag(name = "auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PasswordResetResource {

    @Inject
    PasswordService passwords;

    @POST
    @Path("/forgot-password")
    @ResponseStatus(202)
    @Operation(summary = "Mail a password reset link if the email belongs to an account; always 202")
    public void forgot(@Valid @NotNull ForgotPassword request) {
        passwords.forgot(request.email());
    }

    @POST
    @Path("/reset-password")
    @ResponseStatus(204)
    @Operation(summary = "Set a new password with the token from the reset mail (single use, 1 h); ends every session")
    public void reset(@Valid @NotNull ResetPassword request) {
        passwords.reset(request);
    }
}
