package id.qutab.console.notifications;

import id.qutab.console.api.Api;
import id.qutab.console.web.Listing;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static id.qutab.console.web.FormValues.text;

/**
 * Message templates (identity's {@code /api/admin/notifications/templates}): the latest version of each
 * channel + key + locale, a template's versions, create, edit and deactivate. Editing never changes a sent
 * message: the API stores the edit as a new version (a new row with its own id) and every message keeps the
 * version it was sent with, so after saving the page moves to the new version.
 */
@Path("/notifications/templates")
public class TemplatesPage {

    /** {@code {{name}}}: the named variables of a body, filled in the order they first appear. */
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("notifications/templates.html")
    Template list;

    @Inject
    @Location("notifications/template.html")
    Template form;

    @Inject
    @Location("notifications/history.html")
    Template history;

    @GET
    public Response list(@QueryParam("channel") String channel, @QueryParam("key") String key,
                         @QueryParam("locale") String locale, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("channel", channel).filter("key", text(key))
                .filter("locale", locale).fetch(api, "/api/admin/notifications/templates", "templates"));
    }

    @GET
    @Path("/new")
    public Response blank() {
        Map<String, Object> template = new HashMap<>();
        template.put("channel", "WHATSAPP");
        template.put("locale", "id");
        template.put("category", "order");
        return page(template, true);
    }

    @POST
    public Response create(@FormParam("channel") String channel, @FormParam("key") String key,
                           @FormParam("locale") String locale, @FormParam("category") String category,
                           @FormParam("body") String body) {
        Map<String, Object> request = new HashMap<>();
        request.put("channel", text(channel));
        request.put("key", key == null ? "" : key.trim());
        request.put("locale", text(locale));
        request.put("category", text(category));
        request.put("body", body == null ? "" : body);
        Map<String, Object> created = api.post("/api/admin/notifications/templates", request);
        pages.flashOk(texts().created(String.valueOf(created.get("key")), String.valueOf(created.get("locale")),
                String.valueOf(created.get("version"))));
        return Redirects.to("/admin/notifications/templates/" + id(created)).build();
    }

    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") UUID id) {
        return page(new HashMap<>(api.get("/api/admin/notifications/templates/" + id)), false);
    }

    /** Saves a new version; the page then shows it (its own id), the old one stays in the history. */
    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @FormParam("category") String category,
                           @FormParam("body") String body) {
        Map<String, Object> request = new HashMap<>();
        request.put("category", text(category));
        request.put("body", body == null ? "" : body);
        Map<String, Object> saved = api.put("/api/admin/notifications/templates/" + id, request);
        pages.flashOk(texts().new_version_saved(String.valueOf(saved.get("key")), String.valueOf(saved.get("locale")),
                String.valueOf(saved.get("version"))));
        return Redirects.to("/admin/notifications/templates/" + id(saved)).build();
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") UUID id) {
        Map<String, Object> template = api.get("/api/admin/notifications/templates/" + id);
        api.delete("/api/admin/notifications/templates/" + id);
        pages.flashOk(texts().deactivated(String.valueOf(template.get("key")), String.valueOf(template.get("locale"))));
        return Redirects.to("/admin/notifications/templates/" + id).build();
    }

    /** Every version of this template's channel + key + locale, newest first as the API lists them. */
    @GET
    @Path("/{id}/history")
    public Response history(@PathParam("id") UUID id, @Context UriInfo uri) {
        Map<String, Object> template = api.get("/api/admin/notifications/templates/" + id);
        Map<String, Object> data = Listing.of(uri).filter("history", "true")
                .filter("channel", template.get("channel")).filter("key", template.get("key"))
                .filter("locale", template.get("locale"))
                .fetch(api, "/api/admin/notifications/templates", "versions");
        data.put("t", template);
        return pages.page(history, data);
    }

    private Response page(Map<String, Object> template, boolean isNew) {
        Map<String, Object> data = new HashMap<>();
        data.put("t", template);
        data.put("isNew", isNew);
        // identity lists them itself (its own parser decides what it sends); older answers without it: parsed here
        data.put("variables", template.get("variables") instanceof List<?> listed ? listed : variables(template.get("body")));
        data.put("nextVersion", template.get("version") instanceof Number n ? n.longValue() + 1 : 1);
        return pages.page(form, data);
    }

    /** The body's variables in the order the Cloud API takes them as parameters. */
    static List<String> variables(Object body) {
        Set<String> names = new LinkedHashSet<>();
        if (body != null) {
            Matcher m = VARIABLE.matcher(body.toString());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new ArrayList<>(names);
    }

    private static UUID id(Map<String, Object> template) {
        return UUID.fromString(String.valueOf(template.get("id")));
    }

    private NotificationTexts texts() {
        return pages.localized(NotificationTexts.class);
    }
}
