package id.qutab.identity.accounts;

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

@Path("/api/auth/register")
@PermitAll
@Tag(name = "auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    AccountService accounts;

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Register a customer or affiliate account; a verification mail follows. Duplicate email → 409.")
    public UserView register(@Valid @NotNull RegisterRequest request) {
        return UserView.of(accounts.register(request));
    }
}
