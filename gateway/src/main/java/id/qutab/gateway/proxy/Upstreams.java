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

/** The services the gateway forwards to, and the one pooled HTTP client it reaches them with. */
@Singleton
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();
    private final HttpClient client;

    Upstreams(UpstreamServices services, GatewayConfig config, Vertx vertx) {
        services.endpoints().forEach((name, endpoint) -> byName.put(name, Upstream.parse(name, endpoint.url())));
        HttpClientOptions options = new HttpClientOptions()
                // TCP connect: a service that is down refuses at once; one that is unreachable must not hang us.
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()))
                .setKeepAlive(true)
                // Shorter than a service's own idle timeout, so we drop a pooled connection before it does.
                .setKeepAliveTimeout(30)
                // Bodies pass through as the service sent them (compressed or not).
                .setDecompressionSupported(false);
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.upstreamMaxConnections());
        this.client = vertx.createHttpClient(options, pool);
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

    @PreDestroy
    void close() {
        client.close();
    }
}
