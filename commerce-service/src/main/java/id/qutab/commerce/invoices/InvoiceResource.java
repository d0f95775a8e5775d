package id.qutab.commerce.invoices;

import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderQueries;
import id.qutab.commerce.payments.Payment;
import id.qutab.commerce.payments.PaymentStatus;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/** {@code GET /api/orders/{id}/invoice.pdf}: the owner or an admin, once the order is paid (409 before). */
@Path("/api/orders/{id}/invoice.pdf")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE, Roles.ADMIN})
public class InvoiceResource {

    @Inject
    InvoicePdf pdf;

    @Inject
    CurrentUser user;

    @GET
    @Produces({"application/pdf", "application/problem+json"})
    @Transactional
    public Response invoice(@PathParam("id") UUID id) {
        Order order = OrderQueries.ownedOrAdmin(id, user.id(), user.isAdmin());
        if (order.paidAt == null) {
            throw ProblemException.conflict("invoice-not-available", "The invoice exists once the order is paid.");
        }
        Payment payment = Payment.of(id).stream().filter(p -> p.status == PaymentStatus.PAID).findFirst().orElse(null);
        return Response.ok(pdf.render(order, payment), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + order.number + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
