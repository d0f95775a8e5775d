package id.qutab.console.loyalty;

import id.qutab.console.api.Api;
import id.qutab.console.web.FormValues;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.util.Map;
import java.util.UUID;

import static id.qutab.console.web.FormValues.checked;
import static id.qutab.console.web.FormValues.instant;
import static id.qutab.console.web.FormValues.number;
import static id.qutab.console.web.FormValues.text;

/**
 * The loyalty reward catalogue (commerce's {@code /api/admin/loyalty/rewards}): list with the active filter,
 * create, edit (PUT of the whole reward), deactivate. A deactivated reward is no longer offered; redemptions made
 * with it keep it, so there is no delete.
 */
@Path("/loyalty/rewards")
public class RewardsPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("loyalty/rewards.html")
    Template list;

    @Inject
    @Location("loyalty/reward.html")
    Template form;

    /** The reward form as typed; numbers go as numbers, anything else as typed for the API to judge. */
    public static class Fields {
        @FormParam("name")
        String name;
        @FormParam("description")
        String description;
        @FormParam("pointsCost")
        String pointsCost;
        @FormParam("kind")
        String kind;
        @FormParam("value")
        String value;
        @FormParam("stock")
        String stock;
        @FormParam("validFrom")
        String validFrom;
        @FormParam("validUntil")
        String validUntil;
        @FormParam("active")
        String active;

        Map<String, Object> body() {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name == null ? "" : name.trim());
            body.put("description", text(description));
            body.put("pointsCost", number(pointsCost));
            body.put("kind", text(kind));
            body.put("value", number(value));
            body.put("stock", number(stock));
            body.put("validFrom", instant(validFrom));
            body.put("validUntil", instant(validUntil));
            body.put("active", checked(active));
            return body;
        }
    }

    @GET
    public Response list(@QueryParam("active") String active, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("active", active)
                .fetch(api, "/api/admin/loyalty/rewards", "rewards"));
    }

    @GET
    @Path("/new")
    public Response blank() {
        Map<String, Object> reward = new HashMap<>();
        reward.put("active", true);
        reward.put("kind", "DISCOUNT");
        return page(reward, true);
    }

    @POST
    public Response create(@BeanParam Fields fields) {
        Map<String, Object> created = api.post("/api/admin/loyalty/rewards", fields.body());
        pages.flashOk(texts().reward_created(String.valueOf(created.get("name"))));
        return Redirects.to("/admin/loyalty/rewards/" + UUID.fromString(String.valueOf(created.get("id")))).build();
    }

    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") UUID id) {
        return page(new HashMap<>(api.get("/api/admin/loyalty/rewards/" + id)), false);
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @BeanParam Fields fields) {
        Map<String, Object> saved = api.put("/api/admin/loyalty/rewards/" + id, fields.body());
        pages.flashOk(texts().reward_saved(String.valueOf(saved.get("name"))));
        return Redirects.to("/admin/loyalty/rewards/" + id).build();
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") UUID id) {
        String name = String.valueOf(api.get("/api/admin/loyalty/rewards/" + id).get("name"));
        api.delete("/api/admin/loyalty/rewards/" + id);
        pages.flashOk(texts().reward_deactivated(name));
        return Redirects.to("/admin/loyalty/rewards/" + id).build();
    }

    private Response page(Map<String, Object> reward, boolean isNew) {
        reward.put("validFromLocal", FormValues.local(reward.get("validFrom")));
        reward.put("validUntilLocal", FormValues.local(reward.get("validUntil")));
        Map<String, Object> data = new HashMap<>();
        data.put("r", reward);
        data.put("isNew", isNew);
        return pages.page(form, data);
    }

    private LoyaltyTexts texts() {
        return pages.localized(LoyaltyTexts.class);
    }
}
