package id.qutab.console.faq;

import id.qutab.console.api.Api;
import id.qutab.console.web.Pager;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static id.qutab.console.web.FormValues.checked;
import static id.qutab.console.web.FormValues.number;
import static id.qutab.console.web.FormValues.text;

/** The help centre's entries (commerce's {@code /api/admin/faq}): list incl. hidden ones, create, edit, delete. */
@Path("/faq")
public class FaqPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("faq/list.html")
    Template list;

    @Inject
    @Location("faq/form.html")
    Template form;

    public static class Fields {
        @FormParam("category")
        String category;
        @FormParam("question")
        String question;
        @FormParam("answer")
        String answer;
        @FormParam("sortOrder")
        String sortOrder;
        @FormParam("active")
        String active;

        Map<String, Object> body() {
            Map<String, Object> body = new HashMap<>();
            body.put("category", text(category));
            body.put("question", question == null ? "" : question);
            body.put("answer", answer == null ? "" : answer);
            body.put("sortOrder", number(sortOrder));
            body.put("active", checked(active));
            return body;
        }
    }

    @GET
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        Map<String, Object> query = new HashMap<>();
        query.put("page", page);
        query.put("size", size);
        Map<String, Object> entries = api.get("/api/admin/faq", query);
        Map<String, Object> data = new HashMap<>();
        data.put("entries", entries.get("items"));
        data.put("pager", Pager.of(entries, uri));
        return pages.page(list, data);
    }

    @GET
    @Path("/new")
    public Response blank() {
        Map<String, Object> entry = new HashMap<>();
        entry.put("active", true);
        entry.put("sortOrder", 0);
        return pages.page(form, Map.of("f", entry, "isNew", true));
    }

    @POST
    public Response create(@BeanParam Fields fields) {
        api.post("/api/admin/faq", fields.body());
        pages.flashOk(pages.localized(FaqTexts.class).created());
        return Redirects.to("/admin/faq").build();
    }

    /** The admin API has no single-entry read: the entry is found in the list (a help centre has few entries). */
    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") UUID id) {
        for (int page = 0; ; page++) {
            Map<String, Object> entries = api.get("/api/admin/faq", Map.of("page", page, "size", 100));
            List<?> items = entries.get("items") instanceof List<?> l ? l : List.of();
            for (Object item : items) {
                if (item instanceof Map<?, ?> entry && id.toString().equals(String.valueOf(entry.get("id")))) {
                    return pages.page(form, Map.of("f", entry, "isNew", false));
                }
            }
            if (items.size() < 100) {
                throw new jakarta.ws.rs.NotFoundException();
            }
        }
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @BeanParam Fields fields) {
        api.put("/api/admin/faq/" + id, fields.body());
        pages.flashOk(pages.localized(FaqTexts.class).saved());
        return Redirects.to("/admin/faq").build();
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") UUID id) {
        api.delete("/api/admin/faq/" + id);
        pages.flashOk(pages.localized(FaqTexts.class).deleted());
        return Redirects.to("/admin/faq").build();
    }
}
