package id.qutab.payout.ktp;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/admin/jobs/{job}/run}: this service's one job, {@code ktp-rekey}, run now. */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
public class JobResource {

    @Inject
    KtpRekeyJob rekey;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public KtpRekeyJob.Report run(@PathParam("job") String job) {
        if (!KtpRekeyJob.NAME.equals(job)) {
            throw ProblemException.notFound("Job " + job);
        }
        return rekey.run();
    }
}
