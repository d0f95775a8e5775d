package id.qutab.gateway.proxy;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.config.Upstream;
import id.qutab.gateway.config.UpstreamServices;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The services the gateway forwards to, the pooled HTTP client it reaches them with, and a second client that
 * never reuses a connection, for the one retry of a request whose pooled connection broke under it.
 */
@Singleton
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();
    private final HttpClient client;
    private final HttpClient freshConnections;

    Upstreams(UpstreamServices services, GatewayConfig config, Vertx vertx) {
        services.endpoints().forEach((name, endpoint) -> byName.put(name, Upstream.parse(name, endpoint.url())));
        long keepAliveSeconds = config.upstreamKeepAliveTimeout().toSeconds();
        if (keepAliveSeconds < 1) {
            throw new IllegalArgumentException("qutab.gateway.upstream-keep-alive-timeout must be at least 1s");
        }
        HttpClientOptions options = new HttpClientOptions()
                // TCP connect: a service that is down refuses at once; one that is unreachable must not hang us.
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                // Far below the services' own idle timeout (quarkus.http.idle-timeout, 30 min in the platform
                // defaults): the gateway drops a quiet pooled connection long before a service would close it,
                // so a request is never written onto a connection the service is closing at that moment.
                .setKeepAliveTimeout(Math.toIntExact(keepAliveSeconds))
                // Bodies pass through as the service sent them (compressed or not).
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.upstreamMaxConnections());
        this.client = vertx.createHttpClient(options, pool);
        // A connection of its own for each retry: the pool may hold more connections the service is closing.
        this.freshConnections = vertx.createHttpClient(new HttpClientOptions(options).setKeepAlive(false), pool);
    }

    public Upstream get(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new IllegalStateException("no qutab.services." + name + ".url");
        }
        return upstream;
    }

    public Map<String, Upstream> all() {
        return byName;
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public HttpClient client() {
        return client;
    }

    /** Opens a new connection for every request and closes it after the answer. */
    public HttpClient freshConnections() {
        return freshConnections;
    }

    @PreDestroy
    void close() {
        client.close();
        freshConnections.close();
    }
}
