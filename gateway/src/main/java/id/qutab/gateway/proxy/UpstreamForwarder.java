package id.qutab.gateway.proxy;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.config.Upstream;
import id.qutab.gateway.edge.RequestIdAndForwardedHeaders;
import id.qutab.gateway.problem.ProblemResponses;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.List;

/** Hands one routed request to vertx-http-proxy, aimed at its service, with the gateway's timeouts. */
@Singleton
public class UpstreamForwarder {

    private static final Logger LOG = Logger.getLogger(UpstreamForwarder.class);
    // No WebSocket tunnelling: nothing in the API needs it, and a tunnel would bypass the interceptor.
    private static final ProxyOptions PROXY_OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    private final Upstreams upstreams;
    private final MeterRegistry registry;
    private final long connectTimeoutMs;
    private final long responseTimeoutMs;
    private final long maxBodyBytes;

    UpstreamForwarder(Upstreams upstreams, GatewayConfig config, MeterRegistry registry) {
        this.upstreams = upstreams;
        this.registry = registry;
        this.connectTimeoutMs = config.connectTimeout().toMillis();
        this.responseTimeoutMs = config.responseTimeout().toMillis();
        this.maxBodyBytes = config.maxBodySize().asLongValue();
    }

    public void forward(RoutingContext rc, String service) {
        HttpServerRequest request = rc.request();
        if (!transferEncodingIsPlain(request.headers().getAll(HttpHeaders.TRANSFER_ENCODING))) {
            // vertx-http-proxy would refuse this with an empty 400; say why instead.
            ProblemResponses.send(rc, 400, "bad-request", "Bad Request", "Only 'Transfer-Encoding: chunked' is accepted.");
            return;
        }
        Upstream upstream = upstreams.get(service);
        String query = request.query();
        String target = upstream.basePath() + rc.normalizedPath() + (query == null ? "" : "?" + query);
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // The proxy cannot relay a service's "100 Continue", so the gateway says it once it has decided
            // to forward (size and rate limits passed); Expect itself is not forwarded.
            request.response().writeContinue();
        }
        RequestOptions origin = new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                // Waiting for a pooled connection counts as connecting: a saturated pool sheds load as 504.
                .setConnectTimeout(connectTimeoutMs)
                // No byte from the service for this long → the request fails with a TimeoutException → 504.
                .setIdleTimeout(responseTimeoutMs);
        ForwardingInterceptor interceptor = new ForwardingInterceptor(this, upstream, target,
                RequestIdAndForwardedHeaders.of(rc), request.path(), request.connection(), origin);
        HttpProxy.reverseProxy(PROXY_OPTIONS, upstreams.client())
                .origin(context -> interceptor.openOriginRequest())
                .addInterceptor(interceptor)
                .handle(request);
    }

    /** The first attempt takes a pooled connection; the retry ({@link ForwardingInterceptor}) a new one. */
    Future<HttpClientRequest> originRequest(RequestOptions origin, boolean retry) {
        return (retry ? upstreams.freshConnections() : upstreams.client()).request(origin).onSuccess(this::quietOnReset);
    }

    /**
     * Failures while the body is still being sent (a reset after a too-large body, a service closing early) also
     * fail the response, which is where they are answered and logged; without a handler Vert.x would log each
     * one again at ERROR.
     */
    private void quietOnReset(HttpClientRequest originRequest) {
        originRequest.exceptionHandler(failure -> LOG.debugf("request to upstream failed while sending: %s", failure));
    }

    long maxBodyBytes() {
        return maxBodyBytes;
    }

    void recordFailure(Upstream upstream, UpstreamFailure kind, String requestId, ProxyRequest request, Throwable failure) {
        Counter.builder("qutab.gateway.upstream.failures")
                .description("Requests the gateway could not forward, by service and reason")
                .tag("service", upstream.name())
                .tag("reason", kind.slug)
                .register(registry)
                .increment();
        LOG.warnf("[%s] %s %s → %s (%s): %d %s: %s", requestId, request.getMethod(), request.getURI(),
                upstream.name(), upstream, kind.status, kind.slug, failure.toString());
    }

    void recordRetry(Upstream upstream, String requestId, ProxyRequest request, Throwable failure) {
        Counter.builder("qutab.gateway.upstream.retries")
                .description("Requests sent again on a new connection after their pooled connection broke before any answer")
                .tag("service", upstream.name())
                .register(registry)
                .increment();
        LOG.debugf("[%s] %s %s → %s: connection lost before any answer (%s), retrying on a new connection",
                requestId, request.getMethod(), request.getURI(), upstream.name(), failure);
    }

    private static boolean transferEncodingIsPlain(List<String> values) {
        for (String value : values) {
            if (!value.equals("chunked")) {
                return false;
            }
        }
        return true;
    }
}
