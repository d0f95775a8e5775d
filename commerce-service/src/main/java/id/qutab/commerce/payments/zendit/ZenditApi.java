package id.qutab.commerce.payments.zendit;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Zendit's invoice endpoints (Xendit Invoice API v2 shape), Basic auth with the secret key as user. */
@RegisterRestClient(configKey = "zendit")
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{basicAuth}")
public interface ZenditApi {

    @POST
    @Path("v2/invoices")
    ZenditInvoice create(@HeaderParam("X-IDEMPOTENCY-KEY") String idempotencyKey, ZenditCreateInvoice body);

    @GET
    @Path("v2/invoices/{id}")
    ZenditInvoice get(@PathParam("id") String invoiceId);

    /** Xendit's list: every invoice of one {@code external_id} (a JSON array). */
    @GET
    @Path("v2/invoices")
    java.util.List<ZenditInvoice> byExternalId(@jakarta.ws.rs.QueryParam("external_id") String externalId);

    @POST
    @Path("invoices/{id}/expire!")
    ZenditInvoice expire(@PathParam("id") String invoiceId);

    default String basicAuth() {
        String key = ConfigProvider.getConfig().getOptionalValue("qutab.zendit.secret-key", String.class).orElse("");
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
