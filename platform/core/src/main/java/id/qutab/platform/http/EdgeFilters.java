package id.qutab.platform.http;

import id.qutab.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

/**
 * Runs before every request of a service: tags it with a request id (echoed in the response and the
 * logs), refuses a NUL ({@code %00}) anywhere in the path or query, and an oversized body by its declared
 * length before reading it.
 */
@ApplicationScoped
public class EdgeFilters {

    @Inject
    HttpConfig config;

    void install(@Observes Router router) {
        router.route().order(-1000).handler(this::requestIdAndSizeLimit);
    }

    void requestIdAndSizeLimit(RoutingContext rc) {
        String requestId = RequestIdHeader.acceptOrGenerate(rc.request().getHeader(RequestIdHeader.NAME));
        rc.response().putHeader(RequestIdHeader.NAME, requestId);
        MDC.put("requestId", requestId);

        if (rc.request().uri().contains("%00")) {
            // Percent-decoding is the only way a NUL gets into a path or query; PostgreSQL cannot take it.
            refuse(rc, requestId, 400, "validation", "Validation failed",
                    "The request path or query contains a NUL character (%00).", fieldsWithNul(rc));
            return;
        }
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            refuse(rc, requestId, 413, "payload-too-large", "Payload too large",
                    "The request body is larger than " + config.maxBodyBytes() + " bytes.", null);
            return;
        }
        rc.next();
    }

    /** Which query parameters (by name) or the path carry the NUL, so a client sees the field like any 400. */
    private static JsonArray fieldsWithNul(RoutingContext rc) {
        JsonArray errors = new JsonArray();
        String path = rc.request().path();
        if (path != null && path.contains("%00")) {
            errors.add(new JsonObject().put("field", "path").put("message", "must not contain a NUL character"));
        }
        try {
            rc.queryParams().forEach(param -> {
                if (param.getKey().indexOf('\0') >= 0 || param.getValue().indexOf('\0') >= 0) {
                    errors.add(new JsonObject().put("field", param.getKey().replace("\0", ""))
                            .put("message", "must not contain a NUL character"));
                }
            });
        } catch (RuntimeException malformedQuery) {
            // The query does not even decode; the detail says enough.
        }
        return errors;
    }

    private static void refuse(RoutingContext rc, String requestId, int status, String slug, String title,
                               String detail, JsonArray errors) {
        JsonObject problem = new JsonObject()
                .put("type", Problem.TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", rc.request().path())
                .put("requestId", requestId);
        if (errors != null && !errors.isEmpty()) {
            problem.put("errors", errors);
        }
        // Refused before the body is read: close, or the unread body would be parsed as the next request.
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem.encode());
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
