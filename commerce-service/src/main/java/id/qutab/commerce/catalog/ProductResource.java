package id.qutab.commerce.catalog;

import id.qutab.platform.web.PageRequest;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The public catalogue: active products only, served from {@link CatalogueCache}. This resource validates and
 * normalizes the query (hostile input is a 400 here); a hit is answered on the event loop with the stored bytes, a
 * miss goes to a worker thread and the database. A request URI seen here before is answered by {@link CatalogueRoute}
 * without reaching this resource at all.
 */
@Path("/api/products")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ProductResource {

    @Inject
    ProductCatalog catalog;

    @Inject
    CatalogueCache cache;

    /** A list query reduced to what changes its answer: {@code ?q=KAMB} and {@code ?q=kamb!} are one entry. */
    record ListKey(Category category, String query, Boolean aqiqah, int page, int size) {
    }

    /** The list's shape for the OpenAPI document only (the bytes are rendered from {@code Page<ProductView>}). */
    record ProductPage(List<ProductView> items, int page, int size, long total) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "a page of visible products; ETag, Cache-Control",
            content = @Content(schema = @Schema(implementation = ProductPage.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    public Uni<Response> list(@QueryParam("category") String category, @QueryParam("q") String q,
                              @QueryParam("aqiqah") Boolean aqiqah,
                              @QueryParam("page") Integer page, @QueryParam("size") Integer size,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Context HttpServerRequest request) {
        ProductCatalog.Filter filter = new ProductCatalog.Filter(Category.parse(category, "category"), q, null, true,
                aqiqah);
        PageRequest pageRequest = PageRequest.of(page, size);
        ListKey key = new ListKey(filter.category(), ProductCatalog.prefixQuery(q), aqiqah, pageRequest.page(),
                pageRequest.size());
        return respond(request.uri(), key, () -> catalog.list(filter, pageRequest), ifNoneMatch);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "a visible product; ETag, Cache-Control",
            content = @Content(schema = @Schema(implementation = ProductView.class)))
    @APIResponse(responseCode = "304", description = "If-None-Match named the current ETag")
    @APIResponse(responseCode = "404", description = "unknown, inactive or deleted")
    public Uni<Response> get(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                             @Context HttpServerRequest request) {
        return respond(request.uri(), id, () -> catalog.visible(id), ifNoneMatch);
    }

    private Uni<Response> respond(String uri, Object key, Supplier<Object> render, String ifNoneMatch) {
        CatalogueCache.Rendered hit = cache.fresh(key);
        if (hit != null) {
            cache.alias(uri, key);
            return Uni.createFrom().item(response(hit, ifNoneMatch));
        }
        return Uni.createFrom().item(() -> {
            CatalogueCache.Rendered rendered = cache.get(key, render);
            cache.alias(uri, key);
            return response(rendered, ifNoneMatch);
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Response response(CatalogueCache.Rendered r, String ifNoneMatch) {
        Response.ResponseBuilder builder = CatalogueCache.matches(ifNoneMatch, r.etag())
                ? Response.notModified()
                : Response.ok(r.body(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, r.etag())
                .header(HttpHeaders.CACHE_CONTROL, cache.cacheControl())
                .build();
    }
}
