package id.qutab.console.products;

import id.qutab.console.api.Api;
import id.qutab.console.web.Listing;
import id.qutab.console.web.Pages;
import id.qutab.console.web.Redirects;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static id.qutab.console.web.FormValues.checked;
import static id.qutab.console.web.FormValues.number;
import static id.qutab.console.web.FormValues.text;

/** Products (commerce's admin API): every product incl. inactive ones; create, edit, image, (de)activate, delete. */
@Path("/products")
public class ProductsPage {

    @Inject
    Api api;

    @Inject
    Pages pages;

    @Inject
    @Location("products/list.html")
    Template list;

    @Inject
    @Location("products/form.html")
    Template form;

    /** The product form's fields, as typed: the API judges them (a price "abc" comes back as its problem). */
    public static class Fields {
        @FormParam("name")
        String name;
        @FormParam("category")
        String category;
        @FormParam("description")
        String description;
        @FormParam("price")
        String price;
        @FormParam("stock")
        String stock;
        @FormParam("weightMin")
        String weightMin;
        @FormParam("weightMax")
        String weightMax;
        @FormParam("active")
        String active;

        Map<String, Object> body() {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name == null ? "" : name);
            body.put("category", text(category));
            body.put("description", description == null ? "" : description);
            body.put("price", number(price));
            body.put("stock", number(stock));
            body.put("weightMin", number(weightMin));
            body.put("weightMax", number(weightMax));
            body.put("active", checked(active));
            return body;
        }
    }

    @GET
    public Response list(@QueryParam("q") String q, @QueryParam("category") String category,
                         @QueryParam("active") String active, @Context UriInfo uri) {
        return pages.page(list, Listing.of(uri).filter("q", q).filter("category", category).filter("active", active)
                .fetch(api, "/api/admin/products", "products"));
    }

    @GET
    @Path("/new")
    public Response blank() {
        Map<String, Object> product = new HashMap<>();
        product.put("active", true);
        product.put("category", "kambing");
        return pages.page(form, Map.of("p", product, "isNew", true));
    }

    @POST
    public Response create(@BeanParam Fields fields) {
        Map<String, Object> created = api.post("/api/admin/products", fields.body());
        pages.flashOk(pages.localized(ProductTexts.class).created(String.valueOf(created.get("name"))));
        return Redirects.to("/admin/products/" + UUID.fromString(String.valueOf(created.get("id")))).build();
    }

    @GET
    @Path("/{id}")
    public Response edit(@PathParam("id") UUID id) {
        return pages.page(form, Map.of("p", api.get("/api/admin/products/" + id), "isNew", false));
    }

    @POST
    @Path("/{id}")
    public Response update(@PathParam("id") UUID id, @BeanParam Fields fields) {
        Map<String, Object> saved = api.put("/api/admin/products/" + id, fields.body());
        pages.flashOk(pages.localized(ProductTexts.class).saved(String.valueOf(saved.get("name"))));
        return Redirects.to("/admin/products/" + id).build();
    }

    @POST
    @Path("/{id}/image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response image(@PathParam("id") UUID id, @RestForm("file") FileUpload file) throws IOException {
        boolean chosen = file != null && file.uploadedFile() != null && file.fileName() != null
                && !file.fileName().isBlank();
        // no file chosen: sent empty all the same, so the admin reads the API's own answer
        Map<String, Object> saved = api.upload("/api/admin/products/" + id + "/image", "file",
                chosen ? file.fileName() : "empty", chosen ? file.contentType() : null,
                chosen ? Files.readAllBytes(file.uploadedFile()) : new byte[0]);
        pages.flashOk(pages.localized(ProductTexts.class).image_saved(String.valueOf(saved.get("name"))));
        return Redirects.to("/admin/products/" + id).build();
    }

    @POST
    @Path("/{id}/activate")
    public Response activate(@PathParam("id") UUID id) {
        Map<String, Object> saved = setActive(id, true);
        pages.flashOk(pages.localized(ProductTexts.class).activated(String.valueOf(saved.get("name"))));
        return Redirects.to("/admin/products/" + id).build();
    }

    @POST
    @Path("/{id}/deactivate")
    public Response deactivate(@PathParam("id") UUID id) {
        Map<String, Object> saved = setActive(id, false);
        pages.flashOk(pages.localized(ProductTexts.class).deactivated(String.valueOf(saved.get("name"))));
        return Redirects.to("/admin/products/" + id).build();
    }

    @POST
    @Path("/{id}/delete")
    public Response delete(@PathParam("id") UUID id) {
        String name = String.valueOf(api.get("/api/admin/products/" + id).get("name"));
        api.delete("/api/admin/products/" + id);
        pages.flashOk(pages.localized(ProductTexts.class).deleted(name));
        return Redirects.to("/admin/products").build();
    }

    /** PUT replaces every field: the product as it is now, with only {@code active} changed. */
    private Map<String, Object> setActive(UUID id, boolean active) {
        Map<String, Object> product = api.get("/api/admin/products/" + id);
        Map<String, Object> body = new HashMap<>();
        for (String field : new String[] {"name", "category", "description", "price", "weightMin", "weightMax",
                "stock"}) {
            body.put(field, product.get(field));
        }
        body.put("active", active);
        return api.put("/api/admin/products/" + id, body);
    }
}
