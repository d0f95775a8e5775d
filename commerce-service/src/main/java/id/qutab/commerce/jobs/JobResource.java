package id.qutab.commerce.jobs;

import id.qutab.commerce.payments.PaymentExpiry;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/admin/jobs/{job}/run}: commerce owns {@code payment-expiry}. */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    PaymentExpiryJob paymentExpiry;

    @POST
    public PaymentExpiry.Run run(@PathParam("job") String job) {
        if (PaymentExpiry.JOB.equals(job)) {
            return paymentExpiry.runNow();
        }
        throw ProblemException.notFound("Job " + job);
    }
}
