package id.qutab.gateway.edge;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.problem.ProblemResponses;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body by its declared length before a byte of it is read or forwarded (bodies without a length are
 * counted while streaming, see {@code LimitedBodyStream}). Runs ahead of Quarkus' own length check, which would
 * answer with an empty 413.
 */
@ApplicationScoped
public class BodySizeLimit {

    static final int PRIORITY = 800;

    private final long maxBytes;

    BodySizeLimit(GatewayConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && isTooLarge(declared)) {
            // The body is still on its way: close the connection after answering rather than read it all.
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            rc.addEndHandler(done -> request.connection().close());
            ProblemResponses.send(rc, 413, "payload-too-large", "Payload Too Large",
                    "The request body is larger than " + maxBytes + " bytes.");
            return;
        }
        rc.next();
    }

    public long maxBytes() {
        return maxBytes;
    }

    private boolean isTooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBytes;
        } catch (NumberFormatException e) {
            // Netty refuses a malformed length before we see it; anything odd that slips through is not forwarded.
            return true;
        }
    }
}
