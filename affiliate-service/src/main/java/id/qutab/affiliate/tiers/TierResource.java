package id.qutab.affiliate.tiers;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The tier ladder (Bronze → Silver → Gold → Platinum by default): names, thresholds on trailing 90-day confirmed
 * sales, bonus rates. Names and thresholds are unique. Every change re-places the affiliates at once (the same
 * recalculation the daily job runs), so nobody sits on a deleted tier or a stale threshold.
 */
@Path("/api/admin/tiers")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class TierResource {

    @Inject
    TierCatalog tiers;

    @Inject
    TierRecalculation recalculation;

    /** The whole ladder, lowest threshold first (a handful of rows: {@code page}/{@code size} for the list shape). */
    @GET
    @Transactional
    public Page<TierView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        List<TierView> all = tiers.ladder().stream().map(TierView::of).toList();
        int from = Math.min(all.size(), request.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + request.size())), request.page(),
                request.size(), all.size());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public TierView get(@PathParam("id") UUID id) {
        return TierView.of(require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull TierInput input) {
        TierView created = saving(() -> {
            checkUnique(input, null);
            Tier tier = new Tier();
            tier.id = UUID.randomUUID();
            tier.createdAt = Instant.now();
            apply(tier, input);
            tiers.persistAndFlush(tier);
            recalculation.recalculateIn();
            return TierView.of(tier);
        });
        return Response.created(URI.create("/api/admin/tiers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TierView update(@PathParam("id") UUID id, @Valid @NotNull TierInput input) {
        return saving(() -> {
            Tier tier = require(id);
            checkUnique(input, id);
            apply(tier, input);
            tiers.flush();
            recalculation.recalculateIn();
            return TierView.of(tier);
        });
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            tiers.delete(require(id)); // affiliates on it: tier_id set null by the foreign key, then re-placed
            tiers.flush();
            recalculation.recalculateIn();
        });
        return Response.noContent().build();
    }

    private TierView saving(Callable<TierView> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (RuntimeException e) {
            if (Sql.violates(e, "tier_name")) {
                throw nameTaken();
            }
            if (Sql.violates(e, "tier_threshold")) {
                throw thresholdTaken();
            }
            throw e;
        }
    }

    private void checkUnique(TierInput input, UUID except) {
        String name = input.name().trim().toLowerCase(Locale.ROOT);
        for (Tier other : tiers.ladder()) {
            if (other.id.equals(except)) {
                continue;
            }
            if (other.name.toLowerCase(Locale.ROOT).equals(name)) {
                throw nameTaken();
            }
            if (other.minSales90d == input.minSales90d()) {
                throw thresholdTaken();
            }
        }
    }

    private static void apply(Tier tier, TierInput input) {
        tier.name = input.name().trim();
        tier.minSales90d = input.minSales90d();
        tier.bonusBps = input.bonusBps();
        tier.updatedAt = Instant.now();
    }

    private Tier require(UUID id) {
        return tiers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Tier"));
    }

    private static ProblemException nameTaken() {
        return ProblemException.conflict("tier-name-taken", "There is already a tier with this name.");
    }

    private static ProblemException thresholdTaken() {
        return ProblemException.conflict("tier-threshold-taken", "There is already a tier with this threshold.");
    }
}
