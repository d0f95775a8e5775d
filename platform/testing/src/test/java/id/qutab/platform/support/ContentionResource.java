package id.qutab.platform.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Contended transactions reached over HTTP, as a service's requests reach theirs. */
@Path("/test/contention")
public class ContentionResource {

    @Inject
    Contention contention;

    @POST
    @Path("/both/{caller}")
    public void both(@PathParam("caller") String caller, @QueryParam("first") int first, @QueryParam("second") int second) {
        contention.addToBoth(caller, first, second);
    }

    @POST
    @Path("/both-at-commit/{caller}")
    public void bothAtCommit(@PathParam("caller") String caller, @QueryParam("first") int first,
                             @QueryParam("second") int second) {
        contention.addToBothAtCommit(caller, first, second);
    }

    @POST
    @Path("/always/{caller}")
    public void always(@PathParam("caller") String caller, @QueryParam("sqlstate") String sqlState) {
        contention.alwaysFails(caller, sqlState);
    }

    @POST
    @Path("/joined/{caller}")
    public void joined(@PathParam("caller") String caller) {
        contention.outerCallingJoined(caller);
    }

    @POST
    @Path("/requires-new/{caller}")
    public void requiresNew(@PathParam("caller") String caller) {
        contention.outerCallingRequiresNew(caller);
    }
}
