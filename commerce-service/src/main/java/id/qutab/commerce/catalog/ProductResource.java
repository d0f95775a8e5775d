package id.qutab.commerce.catalog;

import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

/** The public catalogue: active products only. */
@Path("/api/products")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @GET
    public Page<ProductView> list(@QueryParam("category") String category, @QueryParam("q") String q,
                                  @QueryParam("aqiqah") Boolean aqiqah,
                                  @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return catalog.list(new ProductCatalog.Filter(Category.parse(category, "category"), q, null, true, aqiqah),
                PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    public ProductView get(@PathParam("id") UUID id) {
        return catalog.visible(id);
    }
}
