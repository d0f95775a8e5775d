package id.qutab.console.loyalty;

import id.qutab.console.api.Api;
import id.qutab.console.web.Fmt;
import id.qutab.console.web.FormValues;
import id.qutab.console.web.Pager;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One customer's loyalty account (commerce's {@code /api/admin/loyalty/customers/{userId}}): balance, tier,
 * spend of the last 12 months, what expires when, the ledger page by page, and the admin's adjustment (points ±
 * with a reason, which commerce records with the admin's id). Reached from the users list or by a user id or email.
 */
@Path("/loyalty/customers")
public class CustomerLoyaltyPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("loyalty/customer.html")
    Template customer;

    @Inject
    @Location("loyalty/lookup.html")
    Template lookup;

    /**
     * Finds a customer: a user id opens their page; an email, name or phone is looked up in identity's users and
     * opens the one match, or lists the matches.
     */
    @GET
    public Response find(@QueryParam("q") String q) {
        String wanted = FormValues.text(q);
        Map<String, Object> data = new HashMap<>();
        data.put("q", wanted == null ? "" : wanted);
        data.put("users", List.of());
        data.put("searched", wanted != null);
        if (wanted != null) {
            try {
                return Redirects.to("/admin/loyalty/customers/" + UUID.fromString(wanted)).build();
            } catch (IllegalArgumentException notAnId) {
                // a search, below
            }
            Object found = api.get("/api/admin/users", Map.of("q", wanted, "role", "customer", "size", 20)).get("items");
            if (found instanceof List<?> users) {
                if (users.size() == 1 && users.get(0) instanceof Map<?, ?> only) {
                    return Redirects.to("/admin/loyalty/customers/" + UUID.fromString(String.valueOf(only.get("id"))))
                            .build();
                }
                data.put("users", users);
            }
        }
        return pages.page(lookup, data);
    }

    @GET
    @Path("/{userId}")
    public Response show(@PathParam("userId") UUID userId, @Context UriInfo uri) {
        Map<String, Object> query = new HashMap<>();
        query.put("page", uri.getQueryParameters().getFirst("page"));
        query.put("size", uri.getQueryParameters().getFirst("size"));
        Map<String, Object> account = api.get("/api/admin/loyalty/customers/" + userId, query);
        Map<String, Object> data = new HashMap<>();
        data.put("a", account);
        data.put("userId", userId.toString());
        Object entries = account.get("entries");
        data.put("entries", entries instanceof Map<?, ?> page ? page.get("items") : List.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> paged = entries instanceof Map<?, ?> page ? (Map<String, Object>) page : Map.of();
        data.put("pager", Pager.of(paged, uri));
        data.put("idempotencyKey", UUID.randomUUID().toString());
        return pages.page(customer, data);
    }

    @POST
    @Path("/{userId}/adjust")
    public Response adjust(@PathParam("userId") UUID userId, @FormParam("points") String points,
                           @FormParam("reason") String reason, @FormParam("idempotencyKey") String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("points", FormValues.number(points));
        body.put("reason", reason == null ? "" : reason.trim());
        // a double-submitted adjustment must not count twice
        Map<String, Object> entry = api.postOnce("/api/admin/loyalty/customers/" + userId + "/adjust", body, key);
        pages.flashOk(pages.localized(LoyaltyTexts.class)
                .adjusted(Fmt.points(entry.get("points")), Fmt.count(entry.get("balanceAfter"))));
        return Redirects.to("/admin/loyalty/customers/" + userId).build();
    }
}
