package id.qutab.gateway.proxy;

import id.qutab.gateway.config.Upstream;
import id.qutab.gateway.edge.EdgeRequest;
import id.qutab.gateway.problem.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One forwarded exchange (a fresh instance per request, so it can carry that request's facts). On the way out
 * it rewrites the target and the forwarding headers; if the service cannot be reached, is too slow or the body
 * is too large, it turns the failure into a problem+json answer. vertx-http-proxy 4.5 would otherwise
 * recover any origin failure with an empty-bodied 502: recovering here, inside {@code sendRequest()}, means the
 * proxy never sees the failure and sends our response through its normal path.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private final UpstreamForwarder forwarder;
    private final Upstream upstream;
    private final String targetUri;
    private final EdgeRequest edge;
    private final String instance;
    private final HttpConnection clientConnection;
    private final RequestOptions origin;
    private boolean bodyTooLarge;
    private boolean closeAfterResponse;
    /** Origin requests opened so far: 1, or 2 after a retry. */
    private int attempts;
    /** Whether the current attempt got as far as a request on a connection, so that bytes may have left. */
    private boolean requestOpened;

    ForwardingInterceptor(UpstreamForwarder forwarder, Upstream upstream, String targetUri, EdgeRequest edge,
                          String instance, HttpConnection clientConnection, RequestOptions origin) {
        this.forwarder = forwarder;
        this.upstream = upstream;
        this.targetUri = targetUri;
        this.edge = edge;
        this.instance = instance;
        this.clientConnection = clientConnection;
        this.origin = origin;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // The normalized path the route was chosen on, not the raw one: a service must see what was routed.
        request.setURI(targetUri);
        MultiMap headers = request.headers();
        edge.writeTo(headers);
        headers.remove(HttpHeaders.EXPECT);
        Body body = request.getBody();
        if (body != null && body.length() < 0 && isChunked(request.proxiedRequest().headers())) {
            request.setBody(Body.body(new LimitedBodyStream(body.stream(), forwarder.maxBodyBytes(),
                    () -> bodyTooLarge = true), -1));
        }
        return context.sendRequest()
                .recover(failure -> retryOnNewConnection(context, failure))
                .recover(failure -> Future.succeededFuture(problemFor(request, failure)));
    }

    /** Called by the proxy for the first attempt (through {@link UpstreamForwarder}'s origin provider), and for the retry. */
    Future<HttpClientRequest> openOriginRequest() {
        attempts++;
        requestOpened = false;
        return forwarder.originRequest(origin, attempts > 1).onSuccess(opened -> requestOpened = true);
    }

    /**
     * A pooled connection can break before the service answers: the service closed it (idle timeout, restart) in
     * the instant the gateway wrote onto it. That is retried once, on a connection of its own, only when sending
     * again cannot do anything twice:
     * <ul>
     *   <li>the request never reached a connection (nothing was written; its body is still unread), any method;</li>
     *   <li>or it is a safe method (GET, HEAD, OPTIONS) without a body, which a service may see twice harmlessly.</li>
     * </ul>
     * A POST, PUT, PATCH or DELETE that may have reached the service is never sent again: the client gets the 502
     * and decides (our writes take an Idempotency-Key). A timeout is not retried either: the service is slow, not
     * gone, and a second try would only double its load.
     */
    private Future<ProxyResponse> retryOnNewConnection(ProxyContext context, Throwable failure) {
        ProxyRequest first = context.request();
        boolean sendable = !requestOpened || isSafeWithoutBody(first.proxiedRequest());
        if (attempts != 1 || bodyTooLarge || !sendable || !UpstreamFailure.connectionLost(failure)) {
            return Future.failedFuture(failure);
        }
        forwarder.recordRetry(upstream, edge.requestId(), first, failure);
        // A ProxyRequest of its own: the first attempt's body pipe may still fail after this point, and the proxy
        // then resets the origin request of the ProxyRequest it ran on, which must not be the retry's.
        ProxyRequest again = ProxyRequest.reverseProxy(first.proxiedRequest())
                .setMethod(first.getMethod())
                .setURI(first.getURI())
                // An unsent body is still unread and goes as it is; a sent one was empty (safe method).
                .setBody(requestOpened ? Body.body(Body.body(Buffer.buffer()).stream(), -1) : first.getBody());
        again.headers().clear();
        again.headers().addAll(first.headers());
        return openOriginRequest().compose(again::send);
    }

    private static boolean isSafeWithoutBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (!method.equals(HttpMethod.GET) && !method.equals(HttpMethod.HEAD) && !method.equals(HttpMethod.OPTIONS)) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length == null || length.trim().equals("0")) && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        // The edge response already has the request id and the gateway's CORS headers; a service's copies
        // would duplicate or contradict them.
        headers.remove(EdgeRequest.REQUEST_ID);
        List<String> cors = new ArrayList<>();
        for (String name : headers.names()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                cors.add(name);
            }
        }
        cors.forEach(headers::remove);
        Future<Void> sent = context.sendResponse();
        if (closeAfterResponse) {
            sent.onComplete(done -> clientConnection.close());
        }
        return sent;
    }

    private ProxyResponse problemFor(ProxyRequest request, Throwable failure) {
        int status;
        String slug;
        String title;
        String detail;
        if (bodyTooLarge) {
            status = 413;
            slug = "payload-too-large";
            title = "Payload Too Large";
            detail = "The request body is larger than " + forwarder.maxBodyBytes() + " bytes.";
            // The rest of the body is still coming; do not read it.
            closeAfterResponse = true;
        } else {
            UpstreamFailure kind = UpstreamFailure.classify(failure);
            forwarder.recordFailure(upstream, kind, edge.requestId(), request, failure);
            status = kind.status;
            slug = kind.slug;
            title = kind.title;
            detail = kind.detail(upstream.name());
        }
        // release() drops the client body still unread (the connection stays usable) and the forwarded headers.
        ProxyResponse response = request.release().response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(ProblemResponses.body(status, slug, title, detail, instance, edge.requestId())));
        if (closeAfterResponse) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        return response;
    }

    private static boolean isChunked(MultiMap headers) {
        for (String value : headers.getAll(HttpHeaders.TRANSFER_ENCODING)) {
            if (value.equalsIgnoreCase("chunked")) {
                return true;
            }
        }
        return false;
    }
}
