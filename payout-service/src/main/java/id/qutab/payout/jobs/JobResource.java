package id.qutab.payout.jobs;

import id.qutab.payout.ktp.KtpRekeyJob;
import id.qutab.payout.payouts.IdempotencyKeyRetention;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/admin/jobs/{job}/run}: this service's jobs run now — {@code ktp-rekey} (only on demand) and
 * {@code payout-idempotency-retention} (also daily).
 */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
public class JobResource {

    @Inject
    KtpRekeyJob rekey;

    @Inject
    IdempotencyKeyRetention keyRetention;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run a job now: ktp-rekey or payout-idempotency-retention; the answer is {job, processed, ...}")
    public Object run(@PathParam("job") String job) {
        return switch (job) {
            case KtpRekeyJob.NAME -> rekey.run();
            case IdempotencyKeyRetention.NAME -> keyRetention.run();
            default -> throw ProblemException.notFound("Job " + job);
        };
    }
}
