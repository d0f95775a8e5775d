package id.qutab.gateway.edge;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.problem.ProblemResponses;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * CORS at the edge only, from an allow-list, with credentials. Written here rather than with
 * {@code quarkus.http.cors} because the gateway must own the CORS headers of proxied answers too (it strips the
 * services' own), answer preflights without bothering a service, and refuse with problem+json like everything
 * else it says. A simple request from an unlisted origin is still forwarded, just without CORS headers: the
 * browser then hides the answer, and same-origin and non-browser clients are not broken.
 */
@ApplicationScoped
public class CorsPolicy {

    static final int PRIORITY = 900;
    private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String EXPOSED = "X-Request-Id, Retry-After, Location, Content-Disposition";
    // Browsers cap the preflight cache anyway (Chromium: 2 h); 10 min keeps a config change effective soon.
    private static final String MAX_AGE_SECONDS = "600";
    private static final Pattern HEADER_LIST = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+(\\s*,\\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*");

    private final Set<String> allowedOrigins;

    CorsPolicy(GatewayConfig config) {
        this.allowedOrigins = config.corsOrigins().stream()
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(CorsPolicy::withoutTrailingSlash)
                .peek(CorsPolicy::refuseWildcard)
                .collect(Collectors.toUnmodifiableSet());
    }

    void register(@Observes Filters filters) {
        filters.register(this::apply, PRIORITY);
    }

    void apply(RoutingContext rc) {
        // Always, not only when Origin is present: a cache must not hand a response made without CORS headers
        // to a browser that needs them (or the other way round).
        rc.response().putHeader("Vary", "Origin");
        String origin = rc.request().getHeader("Origin");
        if (origin == null) {
            rc.next();
            return;
        }
        boolean preflight = rc.request().method() == HttpMethod.OPTIONS
                && rc.request().getHeader("Access-Control-Request-Method") != null;
        boolean allowed = allowedOrigins.contains(origin);
        HttpServerResponse response = rc.response();
        if (allowed) {
            response.putHeader("Access-Control-Allow-Origin", origin)
                    .putHeader("Access-Control-Allow-Credentials", "true")
                    .putHeader("Access-Control-Expose-Headers", EXPOSED);
        }
        if (!preflight) {
            rc.next();
            return;
        }
        MetricsUri.tag("/cors-preflight");
        if (!allowed) {
            ProblemResponses.send(rc, 403, "cors-origin-not-allowed", "Forbidden",
                    "Origin " + origin + " may not call this API from a browser.");
            return;
        }
        response.putHeader("Access-Control-Allow-Methods", METHODS)
                .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
        String requested = rc.request().getHeader("Access-Control-Request-Headers");
        if (requested != null && HEADER_LIST.matcher(requested.trim()).matches()) {
            // The origin is trusted, so whatever headers its page wants to send may be sent.
            response.putHeader("Access-Control-Allow-Headers", requested.trim());
        }
        response.setStatusCode(204).end();
    }

    private static String withoutTrailingSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static void refuseWildcard(String origin) {
        if (origin.equals("*")) {
            throw new IllegalArgumentException("qutab.gateway.cors-origins cannot be '*': credentials are allowed");
        }
    }
}
