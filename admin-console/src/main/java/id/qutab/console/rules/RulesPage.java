package id.qutab.console.rules;

import id.qutab.console.api.Api;
import id.qutab.console.web.Fmt;
import id.qutab.console.web.FormValues;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commission rules ({@code /api/admin/commission-rules}) and the tier ladder ({@code /api/admin/tiers}) on one
 * page: both are short (one rule per category, a handful of tiers) and decide together what an affiliate earns.
 * Rates are typed and shown as percentages; the API stores basis points.
 */
@Path("/rules")
public class RulesPage {

    /** Both lists are read whole: the API's largest page holds every category and every tier. */
    private static final Map<String, Object> WHOLE = Map.of("size", 100);

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("rules/list.html")
    Template list;

    @Inject
    @Location("rules/edit_rule.html")
    Template editRule;

    @Inject
    @Location("rules/edit_tier.html")
    Template editTier;

    @GET
    public Response list() {
        Map<String, Object> data = new HashMap<>();
        List<Map<String, Object>> rules = new ArrayList<>();
        if (api.get("/api/admin/commission-rules", WHOLE).get("items") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> rule) {
                    Map<String, Object> shown = new HashMap<>();
                    rule.forEach((k, v) -> shown.put(String.valueOf(k), v));
                    shown.put("rateText", rateText(shown));
                    rules.add(shown);
                }
            }
        }
        data.put("rules", rules);
        data.put("tiers", api.get("/api/admin/tiers", WHOLE).get("items"));
        return pages.page(list, data);
    }

    // --- commission rules ---------------------------------------------------------------------------------

    @GET
    @Path("/commission/{id}/edit")
    public Response editRuleForm(@PathParam("id") UUID id) {
        return pages.page(editRule, Map.of("r", api.get("/api/admin/commission-rules/" + id)));
    }

    @POST
    @Path("/commission")
    public Response createRule(@FormParam("category") String category, @FormParam("rate") String rate,
                               @FormParam("flatAmountPerUnit") String flat, @FormParam("active") String active) {
        Map<String, Object> saved = api.post("/api/admin/commission-rules", rule(category, rate, flat, active));
        return ruleSaved(saved);
    }

    @POST
    @Path("/commission/{id}")
    public Response updateRule(@PathParam("id") UUID id, @FormParam("category") String category,
                               @FormParam("rate") String rate, @FormParam("flatAmountPerUnit") String flat,
                               @FormParam("active") String active) {
        Map<String, Object> saved = api.put("/api/admin/commission-rules/" + id, rule(category, rate, flat, active));
        return ruleSaved(saved);
    }

    @POST
    @Path("/commission/{id}/delete")
    public Response deleteRule(@PathParam("id") UUID id) {
        api.delete("/api/admin/commission-rules/" + id);
        pages.flashOk(texts().rule_deleted());
        return Redirects.to("/admin/rules").build();
    }

    private Map<String, Object> rule(String category, String rate, String flat, String active) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", category == null ? null : category.trim());
        body.put("rateBps", FormValues.percentToBps(rate, "rate", texts().too_precise()));
        body.put("flatAmountPerUnit", FormValues.number(flat));
        body.put("active", active != null);
        return body;
    }

    private Response ruleSaved(Map<String, Object> saved) {
        pages.flashOk(texts().rule_saved(String.valueOf(saved.get("category")), rateText(saved)));
        return Redirects.to("/admin/rules").build();
    }

    // --- tiers --------------------------------------------------------------------------------------------

    @GET
    @Path("/tiers/{id}/edit")
    public Response editTierForm(@PathParam("id") UUID id) {
        return pages.page(editTier, Map.of("t", api.get("/api/admin/tiers/" + id)));
    }

    @POST
    @Path("/tiers")
    public Response createTier(@FormParam("name") String name, @FormParam("minSales90d") String threshold,
                               @FormParam("bonus") String bonus) {
        return tierSaved(api.post("/api/admin/tiers", tier(name, threshold, bonus)));
    }

    @POST
    @Path("/tiers/{id}")
    public Response updateTier(@PathParam("id") UUID id, @FormParam("name") String name,
                               @FormParam("minSales90d") String threshold, @FormParam("bonus") String bonus) {
        return tierSaved(api.put("/api/admin/tiers/" + id, tier(name, threshold, bonus)));
    }

    @POST
    @Path("/tiers/{id}/delete")
    public Response deleteTier(@PathParam("id") UUID id) {
        api.delete("/api/admin/tiers/" + id);
        pages.flashOk(texts().tier_deleted());
        return Redirects.to("/admin/rules").build();
    }

    private Map<String, Object> tier(String name, String threshold, String bonus) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("minSales90d", FormValues.number(threshold));
        body.put("bonusBps", FormValues.percentToBps(bonus, "bonus", texts().too_precise()));
        return body;
    }

    private Response tierSaved(Map<String, Object> saved) {
        pages.flashOk(texts().tier_saved(String.valueOf(saved.get("name")), Fmt.rupiah(saved.get("minSales90d")),
                saved.get("bonusBps") instanceof Number bps ? Fmt.bps(bps) : ""));
        return Redirects.to("/admin/rules").build();
    }

    /** What a rule pays: {@code 10%} or {@code Rp 150.000} (per animal). */
    private static String rateText(Map<String, Object> rule) {
        return rule.get("rateBps") instanceof Number bps ? Fmt.bps(bps) : Fmt.rupiah(rule.get("flatAmountPerUnit"));
    }

    private RuleTexts texts() {
        return pages.localized(RuleTexts.class);
    }
}
