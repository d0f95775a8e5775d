package id.qutab.gateway.edge;

import id.qutab.gateway.config.GatewayConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
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
    private static final Pattern SANE_PROTO = Pattern.compile("(?i)https?");
    /** A DNS name or IP literal, with an optional port (group 2): what may go on into the services' headers. */
    private static final Pattern SANE_HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}])(?::([0-9]{1,5}))?");

    private final TrustedProxies trustedProxies;

    RequestIdAndForwardedHeaders(GatewayConfig config) {
        this.trustedProxies = TrustedProxies.parse(config.trustedProxies().orElse(List.of()));
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
        String peerIp = peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
        String proto = request.scheme() == null ? "http" : request.scheme();
        HostAndPort authority = request.authority();
        String host = authority != null ? authority.toString() : localHost(request);
        int port = authority != null && authority.port() > 0 ? authority.port() : defaultPort(proto);
        if (trustedProxies.isEmpty() || !trustedProxies.trusts(peerIp)) {
            // The edge, or a peer that is not one of our proxies: whatever forwarding headers it sent are its own
            // claims (EdgeRequest drops them); the connection says who it is.
            return new EdgeRequest(requestId, peerIp, proto, host, port);
        }
        // From our own proxy: the right-most values are the ones it wrote. A value that is not sane is ignored
        // (the connection's own fact stands), never an error: the request goes on.
        MultiMap headers = request.headers();
        String clientIp = trustedProxies.client(headers.getAll("X-Forwarded-For"), peerIp);
        String fwdProto = lastValue(headers.getAll("X-Forwarded-Proto"));
        fwdProto = fwdProto != null && SANE_PROTO.matcher(fwdProto).matches() ? fwdProto.toLowerCase(Locale.ROOT) : proto;
        String fwdHost = lastValue(headers.getAll("X-Forwarded-Host"));
        Matcher hostAndPort = fwdHost == null ? null : SANE_HOST.matcher(fwdHost);
        boolean hostGiven = hostAndPort != null && hostAndPort.matches();
        int hostPort = hostGiven ? parsePort(hostAndPort.group(2), defaultPort(fwdProto))
                : authority != null && authority.port() > 0 ? authority.port() : defaultPort(fwdProto);
        int fwdPort = parsePort(lastValue(headers.getAll("X-Forwarded-Port")), hostPort);
        return new EdgeRequest(requestId, clientIp, fwdProto, hostGiven ? fwdHost : host, fwdPort);
    }

    /** The right-most non-empty entry over all header lines, or null. */
    private static String lastValue(List<String> headerValues) {
        for (int i = headerValues.size() - 1; i >= 0; i--) {
            String value = headerValues.get(i);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                String part = value.substring(comma + 1, end).trim();
                if (!part.isEmpty()) {
                    return part;
                }
                end = comma;
            }
        }
        return null;
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
