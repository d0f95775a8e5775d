package id.qutab.platform.support;

import id.qutab.platform.notify.whatsapp.WhatsAppSignature;
import id.qutab.platform.notify.whatsapp.WhatsAppStatusWebhook;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The receiving end of the sandbox's status webhooks in the test app, as thin as identity's {@code /webhooks/whatsapp}
 * should be: the raw body and the signature header to {@link WhatsAppStatusWebhook}, its outcome to a status.
 */
@Path("/test/whatsapp-webhook")
@PermitAll
public class WhatsAppWebhookResource {

    @Inject
    WhatsAppStatusWebhook webhook;

    @POST
    public Response receive(byte[] body, @HeaderParam(WhatsAppSignature.HEADER) String signature) {
        return switch (webhook.apply(body, signature)) {
            case APPLIED -> Response.ok().build();
            case FORGED -> Response.status(401).build();
            case BAD_REQUEST -> Response.status(400).build();
        };
    }

    @GET
    @jakarta.ws.rs.Produces(MediaType.TEXT_PLAIN)
    public Response verify(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                           @QueryParam("hub.challenge") String challenge) {
        String answer = webhook.challenge(mode, token, challenge);
        return answer == null ? Response.status(403).build() : Response.ok(answer).build();
    }
}
