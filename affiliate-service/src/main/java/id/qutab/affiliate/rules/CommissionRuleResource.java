package id.qutab.affiliate.rules;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
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
import java.util.UUID;

/**
 * Commission rates per product category. Changes apply to orders paid from then on — also when such an order's
 * paid event is processed later: every change is kept as history ({@code commission_rule_history}, written by a
 * trigger) and commissions read the rules as of the payment ({@code RatesAsOf}). Existing commissions keep the
 * rate they were calculated with (stored per line).
 */
@Path("/api/admin/commission-rules")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CommissionRuleResource {

    private static final String CATEGORY_INDEX = "commission_rule_category";

    @Inject
    CommissionRules rules;

    @GET
    @Transactional
    public Page<CommissionRuleView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        var query = rules.findAll(Sort.ascending("category"));
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(CommissionRuleView::of).toList(),
                request.page(), request.size(), query.count());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public CommissionRuleView get(@PathParam("id") UUID id) {
        return CommissionRuleView.of(require(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull CommissionRuleInput input) {
        requireOneRate(input);
        CommissionRuleView created = saving(() -> {
            if (rules.categoryTaken(input.category(), null)) {
                throw categoryTaken();
            }
            CommissionRule rule = new CommissionRule();
            rule.id = UUID.randomUUID();
            rule.createdAt = Instant.now();
            apply(rule, input);
            rules.persistAndFlush(rule);
            return CommissionRuleView.of(rule);
        });
        return Response.created(URI.create("/api/admin/commission-rules/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CommissionRuleView update(@PathParam("id") UUID id, @Valid @NotNull CommissionRuleInput input) {
        requireOneRate(input);
        return saving(() -> {
            CommissionRule rule = require(id);
            if (rules.categoryTaken(input.category(), id)) {
                throw categoryTaken();
            }
            apply(rule, input);
            rules.flush();
            return CommissionRuleView.of(rule);
        });
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        rules.delete(require(id));
        return Response.noContent().build();
    }

    private CommissionRuleView saving(java.util.concurrent.Callable<CommissionRuleView> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work);
        } catch (RuntimeException e) {
            if (Sql.violates(e, CATEGORY_INDEX)) {
                throw categoryTaken();
            }
            throw e;
        }
    }

    private static void apply(CommissionRule rule, CommissionRuleInput input) {
        rule.category = input.category();
        rule.rateBps = input.rateBps();
        rule.flatAmountPerUnit = input.flatAmountPerUnit();
        rule.active = input.active() == null || input.active();
        rule.updatedAt = Instant.now();
    }

    private static void requireOneRate(CommissionRuleInput input) {
        if ((input.rateBps() == null) == (input.flatAmountPerUnit() == null)) {
            throw ProblemException.invalid("rateBps", "give exactly one of rateBps and flatAmountPerUnit");
        }
    }

    private CommissionRule require(UUID id) {
        return rules.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Commission rule"));
    }

    private static ProblemException categoryTaken() {
        return ProblemException.conflict("category-taken", "There is already a rule for this category.");
    }
}
