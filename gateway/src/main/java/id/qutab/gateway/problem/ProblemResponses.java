package id.qutab.gateway.problem;

import id.qutab.gateway.edge.RequestIdAndForwardedHeaders;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 bodies for the answers the gateway gives itself (404, 413, 429, 502, 504...), in the same shape the
 * services use, so a client handles one error format whoever answered. Built with JsonObject: no reflection.
 */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://qutab.id/problems/";

    private ProblemResponses() {
    }

    public static Buffer body(int status, String slug, String title, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /** Ends the exchange with a problem, unless something already started answering it. */
    public static void send(RoutingContext rc, int status, String slug, String title, String detail) {
        HttpServerResponse response = rc.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body(status, slug, title, detail, rc.request().path(), RequestIdAndForwardedHeaders.requestId(rc)));
    }

    public static void notFound(RoutingContext rc) {
        send(rc, 404, "not-found", "Not Found", "No resource is published at this path.");
    }
}
