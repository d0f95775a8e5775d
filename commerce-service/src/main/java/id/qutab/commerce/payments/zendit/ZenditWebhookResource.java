package id.qutab.commerce.payments.zendit;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.commerce.payments.PaymentCallbackVerifier;
import id.qutab.commerce.payments.PaymentCallbacks;
import id.qutab.commerce.payments.PaymentProvider;
import id.qutab.platform.problem.ProblemException;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /webhooks/zendit}. Without the right {@code x-callback-token} nothing is read, stored or changed
 * (401). Authenticated callbacks are stored verbatim and applied once; duplicates answer 200 with no effect.
 */
@Path("/webhooks/zendit")
@PermitAll
public class ZenditWebhookResource {

    private static final Logger LOG = Logger.getLogger(ZenditWebhookResource.class);
    public static final String TOKEN_HEADER = "x-callback-token";

    @Inject
    PaymentCallbackVerifier verifier;

    @Inject
    PaymentCallbacks callbacks;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> callback(@HeaderParam(TOKEN_HEADER) String token, String body) {
        if (!verifier.verify(token)) {
            LOG.warn("refused a Zendit callback without a valid x-callback-token");
            throw ProblemException.unauthorized("Missing or invalid callback token.");
        }
        String raw = body == null ? "" : body;
        PaymentProvider.ProviderInvoice invoice = parse(raw);
        String outcome = callbacks.handle("zendit", raw, invoice);
        if (PaymentCallbacks.MALFORMED.equals(outcome)) {
            throw ProblemException.badRequest("The callback body is not a Zendit invoice callback.");
        }
        return Map.of("outcome", outcome);
    }

    private PaymentProvider.ProviderInvoice parse(String raw) {
        try {
            return json.readValue(raw, ZenditInvoice.class).toProviderInvoice();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
