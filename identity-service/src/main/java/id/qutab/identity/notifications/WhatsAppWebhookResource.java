package id.qutab.identity.notifications;

import id.qutab.platform.notify.whatsapp.WhatsAppStatusWebhook;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * {@code /webhooks/whatsapp}: the Cloud API's delivery statuses (public; the {@code X-Hub-Signature-256} HMAC of the
 * raw body is the authentication, checked by the platform before anything is parsed) and Meta's subscription check.
 */
@Path("/webhooks/whatsapp")
@PermitAll
public class WhatsAppWebhookResource {

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhookResource.class);
    public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    @Inject
    WhatsAppStatusWebhook webhook;

    @Inject
    NotificationsConfig config;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> statuses(@HeaderParam(SIGNATURE_HEADER) String signature, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        if (raw.length > config.webhookMaxBytes()) {
            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                    "A status webhook is at most " + config.webhookMaxBytes() + " bytes."));
        }
        return switch (webhook.apply(raw, signature)) {
            case FORGED -> {
                LOG.warn("refused a WhatsApp webhook without a valid X-Hub-Signature-256");
                throw ProblemException.unauthorized("Missing or invalid X-Hub-Signature-256.");
            }
            case BAD_REQUEST -> throw ProblemException.badRequest("The body is not a WhatsApp webhook.");
            case APPLIED -> Map.of("outcome", "APPLIED");
        };
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String challenge(@QueryParam("hub.mode") String mode, @QueryParam("hub.verify_token") String token,
                            @QueryParam("hub.challenge") String challenge) {
        String answer = webhook.challenge(mode, token, challenge);
        if (answer == null) {
            throw ProblemException.forbidden("Wrong hub.mode or hub.verify_token.");
        }
        return answer;
    }
}
