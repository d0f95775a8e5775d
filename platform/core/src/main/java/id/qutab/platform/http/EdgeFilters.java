package id.qutab.platform.http;

import id.qutab.platform.problem.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

/**
 * Runs before every request of a service: tags it with a request id (echoed in the response and the
 * logs) and refuses an oversized body by its declared length before reading it.
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

        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLarge(length)) {
            JsonObject problem = new JsonObject()
                    .put("type", Problem.TYPE_BASE + "payload-too-large")
                    .put("title", "Payload too large")
                    .put("status", 413)
                    .put("detail", "The request body is larger than " + config.maxBodyBytes() + " bytes.")
                    .put("instance", rc.request().path())
                    .put("requestId", requestId);
            rc.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem.encode());
            return;
        }
        rc.next();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > config.maxBodyBytes();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
