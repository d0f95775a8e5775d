package id.qutab.console.bankaccounts;

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
 * Payout bank accounts (payout-service's admin API): the verification queue, one account with its KTP, verify or
 * reject. The KTP image is streamed through the console from the API, which logs every read; the console neither
 * caches nor stores it.
 */
@Path("/bank-accounts")
public class BankAccountsPage {

    private static final String API = "/api/admin/bank-accounts";

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("bankaccounts/list.html")
    Template list;

    @Inject
    @Location("bankaccounts/detail.html")
    Template detail;

    @Inject
    @Location("bankaccounts/ktp.html")
    Template ktp;

    /** Without a status in the URL the queue (PENDING) shows; "all" is the empty status the filter sends. */
    @GET
    public Response list(@QueryParam("status") String status, @Context UriInfo uri) {
        String wanted = status == null ? "PENDING" : status;
        return pages.page(list, Listing.of(uri).filter("status", wanted).fetch(api, API, "accounts"));
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") UUID id) {
        return pages.page(detail, Map.of("b", api.get(API + "/" + id)));
    }

    /** The page around the image: the notice that the read is logged, and who read it before. */
    @GET
    @Path("/{id}/ktp")
    public Response ktpPage(@PathParam("id") UUID id, @QueryParam("page") String page, @Context UriInfo uri) {
        Map<String, Object> account = api.get(API + "/" + id);
        Map<String, Object> reads = api.get(API + "/" + id + "/ktp/audit", pageOf(page));
        Map<String, Object> data = new HashMap<>();
        data.put("b", account);
        data.put("reads", reads.get("items"));
        data.put("pager", Pager.of(reads, uri));
        return pages.page(ktp, data);
    }

    /** The image itself: each load is one audited read at payout-service. */
    @GET
    @Path("/{id}/ktp/image")
    public Response ktpImage(@PathParam("id") UUID id) {
        return Passthrough.of(api.stream(API + "/" + id + "/ktp", Map.of(),
                "image/jpeg, image/png, application/json;q=0.5"));
    }

    /**
     * Verifies the details the admin was looking at: the form carries their version, so a change made by the
     * affiliate in the meantime is refused by the API (409) instead of verified unseen.
     */
    @POST
    @Path("/{id}/verify")
    public Response verify(@PathParam("id") UUID id, @FormParam("detailsVersion") Integer detailsVersion) {
        Map<String, Object> body = new HashMap<>();
        if (detailsVersion != null) {
            body.put("detailsVersion", detailsVersion);
        }
        Map<String, Object> verified = api.post(API + "/" + id + "/verify", body);
        pages.flashOk(texts().verified(String.valueOf(verified.get("accountHolder"))));
        return Redirects.to("/admin/bank-accounts/" + id).build();
    }

    @POST
    @Path("/{id}/reject")
    public Response reject(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> rejected = api.post(API + "/" + id + "/reject",
                Map.of("reason", reason == null ? "" : reason.trim()));
        pages.flashOk(texts().rejected(String.valueOf(rejected.get("accountHolder"))));
        return Redirects.to("/admin/bank-accounts/" + id).build();
    }

    private BankAccountTexts texts() {
        return pages.localized(BankAccountTexts.class);
    }

    private static Map<String, Object> pageOf(String page) {
        Map<String, Object> query = new HashMap<>();
        query.put("page", page);
        return query;
    }
}
