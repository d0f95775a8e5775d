package id.qutab.console.loyalty;

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
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The customer tiers (Bronze, Silver, Gold: commerce's {@code /api/admin/loyalty/tiers}) on one form: a tier's
 * threshold only means something next to the others, so the three are saved together (PUT of the whole ladder)
 * and the API judges the ladder as a whole (ascending thresholds, Bronze at 0). Multipliers are typed as
 * {@code 1,25} and shown as {@code 1.25×}; the API keeps basis points of 1×.
 */
@Path("/loyalty/tiers")
public class TiersPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("loyalty/tiers.html")
    Template page;

    @GET
    public Response show() {
        return pages.page(page, Map.of("tiers", api.get("/api/admin/loyalty/tiers").get("tiers")));
    }

    @POST
    public Response save(@FormParam("code") List<String> codes, @FormParam("name") List<String> names,
                         @FormParam("minSpend") List<String> minSpends,
                         @FormParam("multiplier") List<String> multipliers) {
        LoyaltyTexts texts = pages.localized(LoyaltyTexts.class);
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Map<String, Object> tier = new HashMap<>();
            tier.put("code", codes.get(i));
            tier.put("name", at(names, i));
            tier.put("minSpend", FormValues.number(at(minSpends, i)));
            tier.put("multiplierBps", FormValues.multiplierToBps(at(multipliers, i), "tiers[" + i + "].multiplierBps",
                    texts.multiplier_too_precise()));
            tiers.add(tier);
        }
        Map<String, Object> saved = api.put("/api/admin/loyalty/tiers", Map.of("tiers", tiers));
        String summary = saved.get("tiers") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(Map.class::cast)
                .map(t -> t.get("name") + " " + Fmt.rupiah(t.get("minSpend")) + " " + Fmt.multiplier(t.get("multiplierBps")))
                .collect(Collectors.joining(" · ")) : "";
        pages.flashOk(texts.tiers_saved(summary));
        return Redirects.to("/admin/loyalty/tiers").build();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
