package id.qutab.affiliate.jobs;

import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code POST /api/admin/jobs/{job}/run} → 200 {@code {job, processed, ...}}: commission-maturation (adds
 * {@code holdDays}), stats-aggregation ({@code ?day=YYYY-MM-DD}, adds {@code days}), tier-recalculation,
 * click-cleanup. Unknown job → 404. Running a job twice in a row changes nothing the second time.
 */
@Path("/api/admin/jobs/{job}/run")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    @Inject
    Jobs jobs;

    @POST
    public Map<String, Object> run(@PathParam("job") String job, @QueryParam("day") String day) {
        return jobs.run(job, day);
    }
}
