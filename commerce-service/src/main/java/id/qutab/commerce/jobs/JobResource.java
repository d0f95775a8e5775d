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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** {@code POST /api/admin/jobs/{job}/run}: commerce owns {@code payment-expiry} and {@code retention}. */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    PaymentExpiryJob paymentExpiry;

    @Inject
    RetentionJob retention;

    @POST
    @APIResponse(responseCode = "200", description = "The run's counts",
            content = @Content(schema = @Schema(oneOf = {PaymentExpiry.Run.class, RetentionJob.Run.class})))
    public Object run(@PathParam("job") String job) {
        if (PaymentExpiry.JOB.equals(job)) {
            return paymentExpiry.runNow();
        }
        if (RetentionJob.JOB.equals(job)) {
            return retention.runNow();
        }
        throw ProblemException.notFound("Job " + job);
    }
}
