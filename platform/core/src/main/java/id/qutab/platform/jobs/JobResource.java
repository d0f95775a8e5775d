package id.qutab.platform.jobs;

import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code POST /api/admin/jobs/{job}/run} → 200 with the run's record ({@code {job, ...counts}}); a job this
 * service does not declare → 404 problem.
 */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    AdminJobs jobs;

    @POST
    @Operation(summary = "Run one of this service's jobs now; the answer is {job, ...} with the run's counts")
    @APIResponse(responseCode = "200", description = "The run's counts")
    public Object run(@PathParam("job") String job,
                      @Parameter(description = "The day a day-based job works on (YYYY-MM-DD); others ignore or refuse it")
                      @QueryParam("day") String day) {
        return jobs.run(job, day);
    }
}
