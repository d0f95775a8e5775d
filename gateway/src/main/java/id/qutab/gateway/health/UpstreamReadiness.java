package id.qutab.gateway.health;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.config.Upstream;
import id.qutab.gateway.proxy.Upstreams;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready only when every service answers its own readiness: a gateway in front of a missing service would accept
 * traffic it can only fail. All services are asked at once, without blocking, each within a short budget, so
 * a probe never waits for the proxy's long response timeout. Liveness does not depend on this.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    private static final String UP = "UP";

    private final Upstreams upstreams;
    private final long timeoutMs;
    // Its own small client: probes must not queue behind proxied traffic in the main pool.
    private final HttpClient probeClient;

    UpstreamReadiness(Upstreams upstreams, GatewayConfig config, Vertx vertx) {
        this.upstreams = upstreams;
        this.timeoutMs = config.readinessTimeout().toMillis();
        this.probeClient = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(timeoutMs))
                .setKeepAlive(false));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Future<String>> probes = new LinkedHashMap<>();
        upstreams.all().forEach((name, upstream) -> probes.put(name, probe(upstream)));
        List<Future<String>> all = new ArrayList<>(probes.values());
        Future<HealthCheckResponse> response = Future.join(all).transform(ignored -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstreams").up();
            probes.forEach((name, probe) -> {
                builder.withData(name, probe.result());
                if (!UP.equals(probe.result())) {
                    builder.down();
                }
            });
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    /** Always succeeds: with "UP", or with why the service is not ready. */
    private Future<String> probe(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.basePath() + "/q/health/ready")
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs);
        return probeClient.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(ignored -> verdict(response)))
                .otherwise(failure -> "DOWN: " + describe(failure));
    }

    private static String verdict(HttpClientResponse response) {
        return response.statusCode() == 200 ? UP : "DOWN: HTTP " + response.statusCode();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    @PreDestroy
    void close() {
        probeClient.close();
    }
}
