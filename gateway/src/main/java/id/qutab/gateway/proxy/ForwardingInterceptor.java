package id.qutab.gateway.proxy;

import id.qutab.gateway.config.Upstream;
import id.qutab.gateway.edge.EdgeRequest;
import id.qutab.gateway.problem.ProblemResponses;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
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
    private boolean bodyTooLarge;
    private boolean closeAfterResponse;

    ForwardingInterceptor(UpstreamForwarder forwarder, Upstream upstream, String targetUri, EdgeRequest edge,
                          String instance, HttpConnection clientConnection) {
        this.forwarder = forwarder;
        this.upstream = upstream;
        this.targetUri = targetUri;
        this.edge = edge;
        this.instance = instance;
        this.clientConnection = clientConnection;
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
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemFor(request, failure)));
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
