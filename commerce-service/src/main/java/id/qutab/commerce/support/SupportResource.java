package id.qutab.commerce.support;

import id.qutab.platform.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** {@code GET /api/support/contact}: public; a token, when sent, only decides whether the order number is prefilled. */
@Path("/api/support/contact")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Support")
public class SupportResource {

    @Inject
    SupportContact contact;

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "Support WhatsApp number (E.164), email, opening hours and a wa.me link with a prefilled "
            + "message (percent-encoded, spaces as %20)")
    @APIResponse(responseCode = "200", description = "{whatsapp, email, hours, waLink}")
    @APIResponse(responseCode = "400", description = "orderId is not a UUID")
    public SupportContact.Contact get(
            @Parameter(description = "the order the customer asks about: its number is prefilled when the caller owns "
                    + "it or is an admin; otherwise (anonymous, someone else's or unknown order) the generic message")
            @QueryParam("orderId") UUID orderId) {
        boolean anonymous = identity.isAnonymous();
        return contact.contact(orderId, anonymous ? null : user.id(), !anonymous && user.isAdmin());
    }
}
