package id.qutab.gateway.routing;

import id.qutab.gateway.edge.MetricsUri;
import id.qutab.gateway.edge.RequestIdAndForwardedHeaders;
import id.qutab.gateway.problem.ProblemResponses;
import id.qutab.gateway.proxy.UpstreamForwarder;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * The gateway's one application route: everything Quarkus itself does not answer (its own /q/health and
 * /q/metrics come first) is either forwarded along the route table or refused here with problem+json.
 */
@ApplicationScoped
public class GatewayRoutes {

    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);

    private final RouteTable routes;
    private final UpstreamForwarder forwarder;

    GatewayRoutes(RouteTable routes, UpstreamForwarder forwarder) {
        this.routes = routes;
        this.forwarder = forwarder;
    }

    void install(@Observes Router router) {
        // After Quarkus' own routes, so the proxy never shadows the gateway's health and metrics endpoints.
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT).handler(this::forwardOrRefuse);
        router.route().order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT).failureHandler(this::unexpectedFailure);
        routes.routes().forEach(route -> LOG.debugf("route %s → %s", route.prefix(), route.service()));
    }

    void forwardOrRefuse(RoutingContext rc) {
        if (NeverForwarded.isAmbiguous(rc.request().path())) {
            ProblemResponses.send(rc, 400, "ambiguous-path", "Bad Request",
                    "The path contains an encoded slash or backslash, a ';' or a NUL, which this API never uses.");
            return;
        }
        // Vert.x normalizes the path ("..", "%2e" and friends resolved): decide and forward on that one only.
        String path = rc.normalizedPath();
        Optional<RouteTable.Route> route = routes.match(path);
        if (route.isEmpty()) {
            // /internal/**, /q/** that Quarkus did not answer, and anything unrouted look the same from outside.
            ProblemResponses.notFound(rc);
            return;
        }
        MetricsUri.tag(route.get().metricTemplate());
        forwarder.forward(rc, route.get().service());
    }

    void unexpectedFailure(RoutingContext rc) {
        int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
        if (status >= 500 && rc.failure() != null) {
            LOG.errorf(rc.failure(), "[%s] unexpected failure on %s %s",
                    RequestIdAndForwardedHeaders.requestId(rc), rc.request().method(), rc.request().path());
        }
        String title = status == 500 ? "Internal Server Error" : "Request Failed";
        ProblemResponses.send(rc, status, status == 500 ? "internal-error" : "request-failed", title,
                status == 500 ? "The gateway failed to handle this request." : "The request could not be handled.");
    }
}
