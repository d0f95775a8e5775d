package id.qutab.identity.verification;

import id.qutab.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/api/auth")
@Tag(name = "auth")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource {

    public record VerifyEmail(@NotBlank @Size(max = 200) String token) {
    }

    @Inject
    EmailVerification verification;

    @Inject
    CurrentUser user;

    @POST
    @Path("/verify-email")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(204)
    @Operation(summary = "Redeem the token from the verification mail (single use, 24 h)")
    public void verify(@Valid @NotNull VerifyEmail request) {
        verification.verify(request.token());
    }

    @POST
    @Path("/resend-verification")
    @Authenticated
    @ResponseStatus(202)
    @Operation(summary = "Mail the caller a fresh verification link (no-op once verified)")
    public void resend() {
        verification.resend(user.id());
    }
}
