package id.qutab.console.orders;

import id.qutab.console.api.Api;
import id.qutab.console.web.Pager;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Passthrough;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.console.web.Fmt.rupiah;
import static id.qutab.console.web.FormValues.text;

/**
 * Orders (commerce's admin API): the list by status and search, one order with its lines, payments, refund and
 * tracking; moving it along PAID → PROCESSING → DISTRIBUTED → COMPLETED with a note and a distribution photo;
 * refunds; the invoice PDF; and the payments that need an admin (flagged).
 */
@Path("/orders")
public class OrdersPage {

    /** The one step an admin may take from each status (the API refuses any other with 409). */
    static final Map<String, String> NEXT = Map.of("PAID", "PROCESSING", "PROCESSING", "DISTRIBUTED",
            "DISTRIBUTED", "COMPLETED");
    static final List<String> REFUNDABLE = List.of("PAID", "PROCESSING", "DISTRIBUTED", "COMPLETED");

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("orders/list.html")
    Template list;

    @Inject
    @Location("orders/detail.html")
    Template detail;

    @Inject
    @Location("orders/flagged.html")
    Template flagged;

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("q") String q, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("status", status).filter("q", q)
                .fetch(api, "/api/admin/orders", "orders"));
    }

    /** Orders with a payment the provider took but we did not accept as payment: each one needs a person. */
    @GET
    @Path("/flagged")
    public Response flagged(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        Map<String, Object> query = new HashMap<>();
        query.put("flagged", "true");
        query.put("page", page);
        query.put("size", size);
        Map<String, Object> orders = api.get("/api/admin/orders", query);
        OrderTexts texts = pages.localized(OrderTexts.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        // the list does not carry payments; a page holds at most `size` orders, each read once
        for (Object item : (List<?>) orders.getOrDefault("items", List.of())) {
            Map<String, Object> order = cast(cast(item).get("order"));
            Map<String, Object> one = api.get("/api/admin/orders/" + UUID.fromString(String.valueOf(order.get("id"))));
            for (Map<String, Object> payment : payments(one, texts)) {
                if (payment.get("flag") != null) {
                    Map<String, Object> row = new HashMap<>(payment);
                    row.put("order", order);
                    rows.add(row);
                }
            }
        }
        Map<String, Object> data = new HashMap<>();
        data.put("rows", rows);
        data.put("pager", Pager.of(orders, uri));
        return pages.page(flagged, data);
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") UUID id) {
        Map<String, Object> view = api.get("/api/admin/orders/" + id);
        Map<String, Object> order = cast(view.get("order"));
        String status = String.valueOf(order.get("status"));
        Map<String, Object> data = new HashMap<>();
        data.put("view", view);
        data.put("o", order);
        data.put("payments", payments(view, pages.localized(OrderTexts.class)));
        data.put("next", NEXT.getOrDefault(status, ""));
        data.put("refundable", REFUNDABLE.contains(status));
        data.put("invoice", order.get("paidAt") != null);
        return pages.page(detail, data);
    }

    /**
     * The next step, with a note and (optionally) a photo: the photo is uploaded first and its URL goes on the
     * tracking entry. A refused step leaves an unused photo file behind, which harms nothing.
     */
    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response status(@PathParam("id") UUID id, @RestForm("status") String status, @RestForm("note") String note,
                           @RestForm("photo") FileUpload photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("note", text(note));
        body.put("photoUrl", upload(id, photo));
        Map<String, Object> order = api.post("/api/admin/orders/" + id + "/status", body);
        pages.flashOk(pages.localized(OrderTexts.class).moved(String.valueOf(order.get("number")),
                String.valueOf(order.get("status"))));
        return Redirects.to("/admin/orders/" + id).build();
    }

    /** A note (and photo) on the tracking without a status change, e.g. more distribution photos. */
    @POST
    @Path("/{id}/tracking")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response note(@PathParam("id") UUID id, @RestForm("note") String note, @RestForm("photo") FileUpload photo) {
        Map<String, Object> body = new HashMap<>();
        body.put("note", note == null ? "" : note);
        body.put("photoUrl", upload(id, photo));
        api.post("/api/admin/orders/" + id + "/tracking", body);
        pages.flashOk(pages.localized(OrderTexts.class).noted());
        return Redirects.to("/admin/orders/" + id).build();
    }

    @POST
    @Path("/{id}/refund")
    public Response refund(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason == null ? "" : reason);
        Map<String, Object> order = api.post("/api/admin/orders/" + id + "/refund", body);
        pages.flashOk(pages.localized(OrderTexts.class).refunded(String.valueOf(order.get("number")),
                rupiah(order.get("total"))));
        return Redirects.to("/admin/orders/" + id).build();
    }

    /** The invoice PDF through the console (the browser holds no API token). */
    @GET
    @Path("/{id}/invoice.pdf")
    public Response invoice(@PathParam("id") UUID id) {
        return Passthrough.of(api.stream("/api/orders/" + id + "/invoice.pdf", Map.of(), "application/pdf"));
    }

    private String upload(UUID id, FileUpload photo) {
        if (photo == null || photo.uploadedFile() == null || photo.fileName() == null || photo.fileName().isBlank()) {
            return null; // the file input was left empty
        }
        try {
            Map<String, Object> stored = api.upload("/api/admin/orders/" + id + "/photos", "file", photo.fileName(),
                    photo.contentType(), Files.readAllBytes(photo.uploadedFile()));
            return String.valueOf(stored.get("photoUrl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> payments(Map<String, Object> view, OrderTexts texts) {
        List<Map<String, Object>> payments = new ArrayList<>();
        if (view.get("payments") instanceof List<?> list) {
            for (Object p : list) {
                Map<String, Object> payment = new HashMap<>(cast(p));
                payment.put("flagText", flagText(payment.get("flag"), texts));
                payments.add(payment);
            }
        }
        return payments;
    }

    private static String flagText(Object flag, OrderTexts texts) {
        if (flag == null) {
            return "";
        }
        return switch (flag.toString()) {
            case "AMOUNT_MISMATCH" -> texts.flag_AMOUNT_MISMATCH();
            case "PAID_AFTER_CLOSE" -> texts.flag_PAID_AFTER_CLOSE();
            case "PAID_TWICE" -> texts.flag_PAID_TWICE();
            default -> flag.toString();
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
