package id.qutab.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own notification choices (any signed-in user). */
@Path("/api/me/notifications")
@Authenticated
@Tag(name = "me")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    @Inject
    CurrentUser user;

    @Inject
    PreferenceService preferences;

    @GET
    @Operation(summary = "WhatsApp and email: transactional (default on) and promotions (default off)")
    public Preferences get() {
        return preferences.mine(user.id());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the choices: the full object, booleans only, unknown keys → 400")
    public Preferences put(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Preferences.class))) JsonNode body) {
        return preferences.change(user.id(), Preferences.parse(body));
    }
}
