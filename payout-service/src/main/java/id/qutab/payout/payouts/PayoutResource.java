package id.qutab.payout.payouts;

import id.qutab.payout.statements.PayoutStatements;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/** The affiliate's payouts: request one, see the history, download a statement. */
@Path("/api/affiliate/payouts")
@RolesAllowed(Roles.AFFILIATE)
@Produces(MediaType.APPLICATION_JSON)
public class PayoutResource {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    @Inject
    CurrentUser caller;

    @Inject
    PayoutRequests requests;

    @Inject
    PayoutHistory history;

    @Inject
    PayoutStatements statements;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request a payout; the same Idempotency-Key and amount answer the same payout again")
    public Response request(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                            @Valid @NotNull PayoutRequest body) {
        if (idempotencyKey != null && !KEY.matcher(idempotencyKey).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to 100 visible ASCII characters");
        }
        PayoutRequests.Outcome outcome = requests.request(caller.id(), body.amount(), idempotencyKey);
        Response.ResponseBuilder response = Response.created(URI.create("/api/affiliate/payouts/" + outcome.payout().id()))
                .entity(outcome.payout());
        if (outcome.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    @GET
    @Operation(summary = "The caller's payouts, newest first")
    public Page<PayoutViews.PayoutView> list(@QueryParam("status") String status, @QueryParam("page") Integer page,
                                             @QueryParam("size") Integer size) {
        return history.ofUser(caller.id(), status, PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One of the caller's payouts, with the commissions it paid")
    public PayoutViews.PayoutView get(@PathParam("id") UUID id) {
        return history.ownView(caller.id(), id);
    }

    @GET
    @Path("/{id}/statement.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "The statement of a paid payout (PDF)")
    public Response statement(@PathParam("id") UUID id) {
        return pdf(id, statements.forAffiliate(caller.id(), id));
    }

    static Response pdf(UUID payoutId, byte[] pdf) {
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"payout-" + payoutId + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
