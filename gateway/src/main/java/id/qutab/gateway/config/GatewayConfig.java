package id.qutab.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an operator can tune at the edge. Defaults live in application.properties (one commented place);
 * every key can be given as its environment variable ({@code qutab.gateway.routes.identity} ↔
 * {@code QUTAB_GATEWAY_ROUTES_IDENTITY}).
 */
@ConfigMapping(prefix = "qutab.gateway")
public interface GatewayConfig {

    /** Service name → the path prefixes it owns. The longest matching prefix wins. */
    Map<String, List<String>> routes();

    /** Browser origins allowed to call the API with credentials. */
    List<String> corsOrigins();

    /** Largest request body forwarded; larger ones get 413 before reaching a service. */
    MemorySize maxBodySize();

    /** Time to get a connection to an upstream (new or pooled); past it the client gets 504. */
    Duration connectTimeout();

    /** Longest silence from an upstream once the request is sent; past it the client gets 504. */
    Duration responseTimeout();

    /** Per-upstream budget of the readiness probe. */
    Duration readinessTimeout();

    /**
     * How long a pooled connection to an upstream may stay unused before the gateway closes it. Must stay well
     * below the services' {@code quarkus.http.idle-timeout}, so that the gateway, not the service, ends a quiet
     * connection.
     */
    Duration upstreamKeepAliveTimeout();

    /** Connection pool size towards each upstream. */
    int upstreamMaxConnections();

    /**
     * The proxies in front of the gateway (Caddy, the ingress controller) whose X-Forwarded-For/-Proto/-Host/-Port
     * tell the truth: IP addresses or CIDR ranges ({@code 172.30.80.2}, {@code 10.0.0.0/8}, {@code fd00::/8}), no
     * host names (no DNS lookup per request). Only a request whose TCP peer is in this list has its forwarded headers
     * read; from anyone else they are replaced by the peer's own address, so a client cannot pick its address and
     * dodge the per-IP limits. Empty (the default): the gateway is the edge and trusts nobody.
     */
    Optional<List<String>> trustedProxies();

    /** Named per-client-IP limits, each on a set of path prefixes. */
    Map<String, RateLimit> rateLimit();

    /** Most client addresses remembered per limit; bounds memory when many addresses show up. */
    int rateLimitTrackedClients();

    interface RateLimit {
        List<String> prefixes();

        /** Requests allowed in a burst. */
        long capacity();

        /** Time in which a drained bucket fills up again (tokens come back gradually). */
        Duration refillPeriod();

        /**
         * What a request over the limit gets: {@code refuse} (429) or {@code mark} (forwarded all the same with
         * {@code X-Qutab-Rate-Limited: <limit name>}; the service decides what not to do for it).
         */
        @WithDefault("refuse")
        OverLimit overLimit();
    }

    enum OverLimit {
        REFUSE, MARK
    }
}
