package id.qutab.commerce.catalog;

import id.qutab.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The public catalogue: active products only, served from {@link CatalogueCache}. A hit is answered on the event loop
 * with the stored bytes; only a miss goes to a worker thread and the database.
 */
@Path("/api/products")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    CatalogueCache cache;

    @Inject
    CatalogueConfig config;

    private volatile String cacheControl;

    /** A list query reduced to what changes its answer: {@code ?q=KAMB} and {@code ?q=kamb!} are one entry. */
    record ListKey(Category category, String query, Boolean aqiqah, int page, int size) {
    }

    @GET
    public Uni<Response> list(@QueryParam("category") String category, @QueryParam("q") String q,
                              @QueryParam("aqiqah") Boolean aqiqah,
                              @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        ProductCatalog.Filter filter = new ProductCatalog.Filter(Category.parse(category, "category"), q, null, true,
                aqiqah);
        PageRequest pageRequest = PageRequest.of(page, size);
        ListKey key = new ListKey(filter.category(), ProductCatalog.prefixQuery(q), aqiqah, pageRequest.page(),
                pageRequest.size());
        return respond(key, () -> catalog.list(filter, pageRequest), ifNoneMatch);
    }

    @GET
    @Path("/{id}")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return respond(id, () -> catalog.visible(id), ifNoneMatch);
    }

    private Uni<Response> respond(Object key, Supplier<Object> render, String ifNoneMatch) {
        CatalogueCache.Rendered hit = cache.fresh(key);
        if (hit != null) {
            return Uni.createFrom().item(response(hit, ifNoneMatch));
        }
        return Uni.createFrom().item(() -> response(cache.get(key, render), ifNoneMatch))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response response(CatalogueCache.Rendered r, String ifNoneMatch) {
        Response.ResponseBuilder builder = CatalogueCache.matches(ifNoneMatch, r.etag())
                ? Response.notModified()
                : Response.ok(r.body(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, r.etag())
                .header(HttpHeaders.CACHE_CONTROL, cacheControl())
                .build();
    }

    private String cacheControl() {
        String value = cacheControl;
        if (value == null) {
            value = "public, max-age=" + config.maxAge().toSeconds()
                    + ", stale-while-revalidate=" + config.staleWhileRevalidate().toSeconds();
            cacheControl = value;
        }
        return value;
    }
}
