package id.qutab.commerce.payments;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** {@code /api/orders/{id}/payment}: 201 when an invoice was opened now, 200 with the same payment while it is open. */
@Path("/api/orders/{id}/payment")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class PaymentResource {

    @Inject
    Payments payments;

    @Inject
    CurrentUser user;

    @POST
    public Response open(@PathParam("id") UUID orderId) {
        Payments.Opened opened = payments.open(user.id(), orderId);
        return Response.status(opened.created() ? 201 : 200).entity(opened.payment()).build();
    }

    @GET
    public PaymentView current(@PathParam("id") UUID orderId) {
        return payments.current(orderId, user.id(), false);
    }
}
