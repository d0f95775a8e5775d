package id.qutab.console.coupons;

import id.qutab.console.api.Api;
import id.qutab.console.api.ApiProblem;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.console.web.FormValues.checked;
import static id.qutab.console.web.FormValues.instant;
import static id.qutab.console.web.FormValues.number;
import static id.qutab.console.web.FormValues.text;

/**
 * Coupons (commerce's admin API): list, create, edit, assign to an affiliate (the affiliate's id, picked from the
 * approved affiliates), deactivate, and delete while never redeemed.
 */
@Path("/coupons")
public class CouponsPage {

    /** Every field of a coupon the API keeps; PUT replaces them all. */
    private static final String[] FIELDS = {"code", "discountType", "discountValue", "minPurchase", "maxDiscount",
            "validFrom", "validUntil", "usageLimit", "perCustomerLimit", "affiliateId"};

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("coupons/list.html")
    Template list;

    @Inject
    @Location("coupons/form.html")
    Template form;

    /** The coupon form as typed: numbers go as numbers, anything else as typed, for the API to judge. */
    public static class Fields {
        @FormParam("code")
        String code;
        @FormParam("discountType")
        String discountType;
        @FormParam("discountValue")
        String discountValue;
        @FormParam("minPurchase")
        String minPurchase;
        @FormParam("maxDiscount")
        String maxDiscount;
        @FormParam("validFrom")
        String validFrom;
        @FormParam("validUntil")
        String validUntil;
        @FormParam("usageLimit")
        String usageLimit;
        @FormParam("perCustomerLimit")
        String perCustomerLimit;
        @FormParam("affiliateId")
        String affiliateId;
        @FormParam("active")
        String active;

        Map<String, Object> body() {
            Map<String, Object> body = new HashMap<>();
            body.put("code", code == null ? "" : code.trim());
            body.put("discountType", text(discountType));
            body.put("discountValue", number(discountValue));
            body.put("minPurchase", number(minPurchase));
            body.put("maxDiscount", number(maxDiscount));
            body.put("validFrom", instant(validFrom));
            body.put("validUntil", instant(validUntil));
            body.put("usageLimit", number(usageLimit));
            body.put("perCustomerLimit", number(perCustomerLimit));
            body.put("affiliateId", text(affiliateId));
            body.put("active", checked(active));
            return body;
        }
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("active") String active,
                         @QueryParam("affiliateId") UUID affiliateId, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("q", q).filter("active", active)
                .filter("affiliateId", affiliateId).fetch(api, "/api/admin/coupons", "coupons"));
    }

    @GET
    @Path("/new")
    public Response blank() {
        Map<String, Object> coupon = new HashMap<>();
        coupon.put("active", true);
        coupon.put("discountType", "PERCENT");
        return page(coupon, true);
    }

    @POST
    public Response create(@BeanParam Fields fields) {
        Map<String, Object> created = api.post("/api/admin/coupons", fields.body());
        pages.flashOk(pages.localized(CouponTexts.class).created(String.valueOf(created.get("code"))));
        return Redirects.to("/admin/coupons/" + UUID.fromString(String.valueOf(created.get("id")))).build();
    }

    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") UUID id) {
        return page(new HashMap<>(api.get("/api/admin/coupons/" + id)), false);
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @BeanParam Fields fields) {
        Map<String, Object> saved = api.put("/api/admin/coupons/" + id, fields.body());
        pages.flashOk(pages.localized(CouponTexts.class).saved(String.valueOf(saved.get("code"))));
        return Redirects.to("/admin/coupons/" + id).build();
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") UUID id) {
        Map<String, Object> saved = setActive(id, false);
        pages.flashOk(pages.localized(CouponTexts.class).deactivated(String.valueOf(saved.get("code"))));
        return Redirects.to("/admin/coupons/" + id).build();
    }

    @POST
    @Path("/{id}/activate")
    public Response activate(@PathParam("id") UUID id) {
        Map<String, Object> saved = setActive(id, true);
        pages.flashOk(pages.localized(CouponTexts.class).activated(String.valueOf(saved.get("code"))));
        return Redirects.to("/admin/coupons/" + id).build();
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") UUID id) {
        String code = String.valueOf(api.get("/api/admin/coupons/" + id).get("code"));
        api.delete("/api/admin/coupons/" + id);
        pages.flashOk(pages.localized(CouponTexts.class).deleted(code));
        return Redirects.to("/admin/coupons").build();
    }

    private Map<String, Object> setActive(UUID id, boolean active) {
        Map<String, Object> coupon = api.get("/api/admin/coupons/" + id);
        Map<String, Object> body = new HashMap<>();
        for (String field : FIELDS) {
            body.put(field, coupon.get(field));
        }
        body.put("active", active);
        return api.put("/api/admin/coupons/" + id, body);
    }

    private Response page(Map<String, Object> coupon, boolean isNew) {
        coupon.put("validFromLocal", FormValues.local(coupon.get("validFrom")));
        coupon.put("validUntilLocal", FormValues.local(coupon.get("validUntil")));
        Map<String, Object> data = new HashMap<>();
        data.put("c", coupon);
        data.put("isNew", isNew);
        data.put("affiliates", approvedAffiliates());
        return pages.page(form, data);
    }

    /**
     * Suggestions for the affiliate field (approved affiliates, by code and name). The field takes any id, so the
     * form still works when the affiliate service does not answer; the API checks the id either way.
     */
    private List<Object> approvedAffiliates() {
        try {
            Object items = api.get("/api/admin/affiliates", Map.of("status", "APPROVED", "size", 100)).get("items");
            return items instanceof List<?> l ? new ArrayList<>(l) : List.of();
        } catch (ApiProblem unavailable) {
            if (unavailable.status() == 401) {
                throw unavailable;
            }
            return List.of();
        }
    }
}
