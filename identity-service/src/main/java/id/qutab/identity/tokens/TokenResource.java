package id.qutab.identity.tokens;

import id.qutab.identity.support.ClientAddress;
import id.qutab.identity.tokens.TokenMessages.LoginRequest;
import id.qutab.identity.tokens.TokenMessages.RefreshRequest;
import id.qutab.identity.tokens.TokenMessages.TokenResponse;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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

/** Sign-in, token refresh and sign-out. All public: the refresh token is the credential of the last two. */
@Path("/api/auth")
@PermitAll
@Tag(name = "auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    SessionService sessions;

    @Inject
    ClientAddress clientAddress;

    @POST
    @Path("/login")
    @Operation(summary = "Sign in: access token (≤ 15 min) and refresh token. Wrong credentials → 401, throttled → 429")
    public TokenResponse login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http) {
        return sessions.login(request, clientAddress.of(http));
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; the old one is spent, reusing it revokes the session")
    public TokenResponse refresh(@Valid @NotNull RefreshRequest request) {
        return sessions.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @ResponseStatus(204)
    @Operation(summary = "End the session of this refresh token")
    public void logout(@Valid @NotNull RefreshRequest request) {
        sessions.logout(request.refreshToken());
    }
}
