package id.qutab.commerce.loyalty.tiers;

import id.qutab.platform.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET/PUT /api/admin/loyalty/tiers}: thresholds and multipliers; the next review or order uses them. */
@Path("/api/admin/loyalty/tiers")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminTierResource {

    @Inject
    TierSettings settings;

    @RegisterForReflection
    public record Tiers(@NotNull List<@NotNull Tier> tiers) {
    }

    @GET
    @Operation(summary = "The tiers, lowest first: {tiers:[{code, name, minSpend, multiplierBps}]}")
    public Tiers get() {
        return new Tiers(settings.list());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace all three tiers (BRONZE 0, ascending minSpend, multiplierBps 10000..50000)")
    public Tiers put(@Valid @NotNull Tiers body) {
        return new Tiers(settings.replace(body.tiers()));
    }
}
