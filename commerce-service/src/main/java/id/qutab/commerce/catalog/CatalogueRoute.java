package id.qutab.commerce.catalog;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The catalogue's fast path: a GET whose exact URI {@link ProductResource} has already validated and normalized, and
 * whose response is cached, is answered right here on the event loop (a map lookup and a write: no JAX-RS, no
 * parameter conversion). Anything else (a new URI, a miss, an expired entry) goes on to {@link ProductResource}.
 * Runs after the platform's edge filters (request id, NUL refusal).
 */
@ApplicationScoped
public class CatalogueRoute {

    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    @Inject
    CatalogueCache cache;


    void install(@Observes Router router) {
        router.get("/api/products").order(-900).handler(this::serve);
        router.get("/api/products/:id").order(-900).handler(this::serve);
    }

    void serve(RoutingContext rc) {
        CatalogueCache.Rendered hit = cache.byUri(rc.request().uri());
        if (hit == null) {
            rc.next();
            return;
        }
        var response = rc.response()
                .putHeader(HttpHeaders.ETAG, hit.etag())
                .putHeader(HttpHeaders.CACHE_CONTROL, cache.cacheControl());
        if (CatalogueCache.matches(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(hit.wire());
    }
}
