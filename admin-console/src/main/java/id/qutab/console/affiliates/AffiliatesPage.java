package id.qutab.console.affiliates;

import id.qutab.console.api.Api;
import id.qutab.console.web.Pager;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Passthrough;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * Affiliates (affiliate-service's admin API): the applications and affiliates by status and search, one affiliate
 * with the whole application, the decisions on it (approve with an optional custom code, reject, suspend,
 * reinstate) and the self-referral flags.
 */
@Path("/affiliates")
public class AffiliatesPage {

    private static final String API = "/api/admin/affiliates";

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("affiliates/list.html")
    Template list;

    @Inject
    @Location("affiliates/detail.html")
    Template detail;

    @Inject
    @Location("affiliates/self-referrals.html")
    Template selfReferrals;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("q") String q, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("status", status).filter("q", q).fetch(api, API, "affiliates"));
    }

    @GET
    @Path("/self-referrals")
    public Response selfReferrals(@QueryParam("affiliateId") UUID affiliateId, @QueryParam("page") String page,
                                  @QueryParam("size") String size, @Context UriInfo uri) {
        Map<String, Object> query = new HashMap<>();
        query.put("affiliateId", affiliateId);
        query.put("page", page);
        query.put("size", size);
        Map<String, Object> found = api.get(API + "/self-referrals", query);
        Map<String, Object> data = new HashMap<>();
        data.put("flags", found.get("items"));
        data.put("pager", Pager.of(found, uri));
        data.put("affiliateId", affiliateId == null ? "" : affiliateId.toString());
        return pages.page(selfReferrals, data);
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") UUID id) {
        Map<String, Object> affiliate = api.get(API + "/" + id);
        Map<String, Object> data = new HashMap<>();
        data.put("a", affiliate);
        data.put("waLink", whatsappLink(affiliate.get("application")));
        return pages.page(detail, data);
    }

    /** The profile photo, only for admins: the API serves it to the affiliate and to admins, never publicly. */
    @GET
    @Path("/{id}/photo")
    public Response photo(@PathParam("id") UUID id) {
        return Passthrough.of(api.stream(API + "/" + id + "/photo", Map.of(),
                "image/jpeg, image/png, application/json;q=0.5"));
    }

    /** An empty code means "generate one"; the API answers 409 with its detail when a custom code is taken. */
    @POST
    @Path("/{id}/approve")
    public Response approve(@PathParam("id") UUID id, @FormParam("code") String code) {
        Map<String, Object> body = new HashMap<>();
        if (code != null && !code.isBlank()) {
            body.put("code", code.trim());
        }
        Map<String, Object> approved = api.post(API + "/" + id + "/approve", body);
        pages.flashOk(texts().approved(nameOf(approved), String.valueOf(approved.get("code"))));
        return Redirects.to("/admin/affiliates/" + id).build();
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> rejected = api.post(API + "/" + id + "/reject", Map.of("reason", text(reason)));
        pages.flashOk(texts().rejected(nameOf(rejected)));
        return Redirects.to("/admin/affiliates/" + id).build();
    }

    @POST
    @Path("/{id}/suspend")
    public Response suspend(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> suspended = api.post(API + "/" + id + "/suspend", Map.of("reason", text(reason)));
        pages.flashOk(texts().suspended(nameOf(suspended)));
        return Redirects.to("/admin/affiliates/" + id).build();
    }

    @POST
    @Path("/{id}/reinstate")
    public Response reinstate(@PathParam("id") UUID id, @HeaderParam("Referer") String referer) {
        Map<String, Object> reinstated = api.post(API + "/" + id + "/reinstate", Map.of());
        pages.flashOk(texts().reinstated(nameOf(reinstated)));
        return Redirects.to(Pages.back(referer, "/admin/affiliates/" + id)).build();
    }

    /** wa.me takes the number as digits only; the API keeps it as {@code +62…}. */
    private static String whatsappLink(Object application) {
        if (application instanceof Map<?, ?> a && a.get("whatsapp") instanceof String number) {
            String digits = number.replaceAll("[^0-9]", "");
            return digits.isEmpty() ? "" : "https://wa.me/" + digits;
        }
        return "";
    }

    private AffiliateTexts texts() {
        return pages.localized(AffiliateTexts.class);
    }

    /** A blank reason goes to the API as blank, so the admin reads the API's own validation message. */
    private static String text(String value) {
        return value == null ? "" : value.trim();
    }

    private static String nameOf(Map<String, Object> affiliate) {
        Object first = affiliate.get("firstName");
        Object last = affiliate.get("lastName");
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? String.valueOf(affiliate.get("email")) : name;
    }
}
