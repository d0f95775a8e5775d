package id.qutab.console.payouts;

import id.qutab.console.api.Api;
import id.qutab.console.web.Fmt;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Passthrough;
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
import java.util.Map;
import java.util.UUID;

/**
 * Payouts (payout-service's admin API): the queue by status, one payout, its decisions (approve, mark paid with
 * the transfer reference, fail, reject; each confirmed with the amount), the transfer batch CSV and the statement
 * PDF, both streamed through from the API.
 */
@Path("/payouts")
public class PayoutsPage {

    private static final String API = "/api/admin/payouts";

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("payouts/list.html")
    Template list;

    @Inject
    @Location("payouts/detail.html")
    Template detail;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("affiliateId") UUID affiliateId,
                         @QueryParam("exportStatus") String exportStatus, @QueryParam("from") String from,
                         @QueryParam("to") String to, @Context UriInfo uri) {
        Map<String, Object> data = Listing.of(uri).filter("status", status).filter("affiliateId", affiliateId)
                .fetch(api, API, "payouts");
        String batch = exportStatus == null || exportStatus.isBlank() ? "APPROVED" : exportStatus;
        data.put("exportStatus", batch);
        data.put("from", from == null ? "" : from);
        data.put("to", to == null ? "" : to);
        data.put("exportHref", "/admin/payouts/export.csv?status=" + Redirects.param(batch)
                + (from == null || from.isBlank() ? "" : "&from=" + Redirects.param(from))
                + (to == null || to.isBlank() ? "" : "&to=" + Redirects.param(to)));
        return pages.page(list, data);
    }

    /** The bank transfer batch; the API checks the status and the dates (a bad one is its 400 detail). */
    @GET
    @Path("/export.csv")
    public Response export(@QueryParam("status") String status, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        Map<String, Object> query = new HashMap<>();
        query.put("status", status);
        query.put("from", from);
        query.put("to", to);
        return Passthrough.of(api.stream(API + "/export.csv", query, "text/csv, application/json;q=0.5"));
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") UUID id) {
        return pages.page(detail, Map.of("p", api.get(API + "/" + id)));
    }

    @GET
    @Path("/{id}/statement.pdf")
    public Response statement(@PathParam("id") UUID id) {
        return Passthrough.of(api.stream(API + "/" + id + "/statement.pdf", Map.of(),
                "application/pdf, application/json;q=0.5"));
    }

    @POST
    @Path("/{id}/approve")
    public Response approve(@PathParam("id") UUID id) {
        Map<String, Object> payout = api.post(API + "/" + id + "/approve", Map.of());
        pages.flashOk(texts().approved(Fmt.rupiah(payout.get("amount"))));
        return Redirects.to("/admin/payouts/" + id).build();
    }

    @POST
    @Path("/{id}/mark-paid")
    public Response markPaid(@PathParam("id") UUID id, @FormParam("transferReference") String reference) {
        Map<String, Object> payout = api.post(API + "/" + id + "/mark-paid",
                Map.of("transferReference", trimmed(reference)));
        pages.flashOk(texts().paid(Fmt.rupiah(payout.get("amount")), String.valueOf(payout.get("transferReference"))));
        return Redirects.to("/admin/payouts/" + id).build();
    }

    @POST
    @Path("/{id}/fail")
    public Response fail(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> payout = api.post(API + "/" + id + "/fail", Map.of("reason", trimmed(reason)));
        pages.flashOk(texts().failed(Fmt.rupiah(payout.get("amount"))));
        return Redirects.to("/admin/payouts/" + id).build();
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> payout = api.post(API + "/" + id + "/reject", Map.of("reason", trimmed(reason)));
        pages.flashOk(texts().rejected(Fmt.rupiah(payout.get("amount"))));
        return Redirects.to("/admin/payouts/" + id).build();
    }

    private PayoutTexts texts() {
        return pages.localized(PayoutTexts.class);
    }

    /** Blank goes to the API as blank, so the admin reads the API's own validation detail. */
    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
