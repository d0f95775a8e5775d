package id.qutab.gateway.edge;

import id.qutab.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * First thing on every request, the gateway's own endpoints included: settle the request id (echo a sane one,
 * otherwise make one up) and who the client is, and put the id on the response before anything can answer, so
 * even the gateway's own errors carry it.
 */
@ApplicationScoped
public class RequestIdAndForwardedHeaders {

    /** Runs before CORS, limits and routing (a higher priority runs first). */
    static final int PRIORITY = 1000;
    private static final String KEY = EdgeRequest.class.getName();
    // Same rule as the services: short, log-safe, no header injection.
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final boolean trustForwarded;

    RequestIdAndForwardedHeaders(GatewayConfig config) {
        this.trustForwarded = config.trustForwardedHeaders();
    }

    void register(@Observes Filters filters) {
        filters.register(this::tag, PRIORITY);
    }

    void tag(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String given = request.getHeader(EdgeRequest.REQUEST_ID);
        String requestId = given != null && SANE_ID.matcher(given).matches() ? given : newRequestId();
        rc.put(KEY, describe(request, requestId));
        rc.response().putHeader(EdgeRequest.REQUEST_ID, requestId);
        rc.next();
    }

    /**
     * A random version-4 UUID without {@link UUID#randomUUID()}'s SecureRandom, whose shared lock and entropy reads
     * every gateway request queued on: a request id correlates log lines, it is not a secret.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public static EdgeRequest of(RoutingContext rc) {
        return rc.get(KEY);
    }

    public static String requestId(RoutingContext rc) {
        EdgeRequest edge = of(rc);
        return edge == null ? null : edge.requestId();
    }

    private EdgeRequest describe(HttpServerRequest request, String requestId) {
        SocketAddress peer = request.remoteAddress();
        String peerIp = peer == null ? "unknown" : peer.hostAddress();
        String proto = request.scheme() == null ? "http" : request.scheme();
        HostAndPort authority = request.authority();
        String host = authority != null ? authority.toString() : localHost(request);
        int port = authority != null && authority.port() > 0 ? authority.port() : defaultPort(proto);
        if (!trustForwarded) {
            return new EdgeRequest(requestId, peerIp, proto, host, port);
        }
        // Behind a trusted proxy the right-most entries are the ones that proxy wrote; anything further left
        // came from the client and may be forged.
        String clientIp = lastValue(request.headers().getAll("X-Forwarded-For"), peerIp);
        String fwdProto = lastValue(request.headers().getAll("X-Forwarded-Proto"), proto);
        String fwdHost = lastValue(request.headers().getAll("X-Forwarded-Host"), host);
        int fwdPort = parsePort(lastValue(request.headers().getAll("X-Forwarded-Port"), null), defaultPort(fwdProto));
        return new EdgeRequest(requestId, clientIp, fwdProto, fwdHost, fwdPort);
    }

    private static String lastValue(List<String> headerValues, String fallback) {
        for (int i = headerValues.size() - 1; i >= 0; i--) {
            String[] parts = headerValues.get(i).split(",");
            for (int j = parts.length - 1; j >= 0; j--) {
                String value = parts[j].trim();
                if (!value.isEmpty()) {
                    return value;
                }
            }
        }
        return fallback;
    }

    private static int parsePort(String value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            return port > 0 && port < 65536 ? port : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int defaultPort(String proto) {
        return "https".equalsIgnoreCase(proto) ? 443 : 80;
    }

    private static String localHost(HttpServerRequest request) {
        SocketAddress local = request.localAddress();
        return local == null ? "localhost" : local.hostAddress() + ":" + local.port();
    }
}
