package id.qutab.console.materials;

import id.qutab.console.api.Api;
import id.qutab.console.web.FormValues;
import id.qutab.console.web.Pager;
import id.qutab.console.web.Pages;
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
 * Promotional materials (affiliate's {@code /api/admin/materials}): list, create, edit, delete. The API takes an
 * image URL (https or a /media/ path), not an upload, so the console has no upload here either.
 */
@Path("/materials")
public class MaterialsPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("materials/list.html")
    Template list;

    @Inject
    @Location("materials/edit.html")
    Template edit;

    @GET
    public Response list(@QueryParam("page") String page, @QueryParam("size") String size, @Context UriInfo uri) {
        Map<String, Object> query = new HashMap<>();
        query.put("page", page);
        query.put("size", size);
        Map<String, Object> materials = api.get("/api/admin/materials", query);
        Map<String, Object> data = new HashMap<>();
        data.put("materials", materials.get("items"));
        data.put("pager", Pager.of(materials, uri));
        return pages.page(list, data);
    }

    @GET
    @Path("/{id}/edit")
    public Response editForm(@PathParam("id") UUID id) {
        return pages.page(edit, Map.of("m", api.get("/api/admin/materials/" + id)));
    }

    @POST
    public Response create(@FormParam("kind") String kind, @FormParam("title") String title,
                           @FormParam("caption") String caption, @FormParam("imageUrl") String imageUrl,
                           @FormParam("sortOrder") String sortOrder, @FormParam("active") String active) {
        Map<String, Object> created = api.post("/api/admin/materials",
                body(kind, title, caption, imageUrl, sortOrder, active));
        pages.flashOk(pages.localized(MaterialTexts.class).created(String.valueOf(created.get("title"))));
        return Redirects.to("/admin/materials").build();
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @FormParam("kind") String kind, @FormParam("title") String title,
                           @FormParam("caption") String caption, @FormParam("imageUrl") String imageUrl,
                           @FormParam("sortOrder") String sortOrder, @FormParam("active") String active) {
        Map<String, Object> saved = api.put("/api/admin/materials/" + id,
                body(kind, title, caption, imageUrl, sortOrder, active));
        pages.flashOk(pages.localized(MaterialTexts.class).updated(String.valueOf(saved.get("title"))));
        return Redirects.to("/admin/materials").build();
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("Referer") String referer) {
        api.delete("/api/admin/materials/" + id);
        pages.flashOk(pages.localized(MaterialTexts.class).deleted());
        return Redirects.to(Pages.back(referer, "/admin/materials")).build();
    }

    /** The form as the API's MaterialInput; the API validates it and the flash shows its field errors. */
    private static Map<String, Object> body(String kind, String title, String caption, String imageUrl,
                                            String sortOrder, String active) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("caption", blankToNull(caption));
        body.put("imageUrl", blankToNull(imageUrl));
        body.put("sortOrder", FormValues.number(sortOrder));
        // an unchecked checkbox is simply absent from the form
        body.put("active", active != null);
        return body;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
