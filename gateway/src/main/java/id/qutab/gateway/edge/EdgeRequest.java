package id.qutab.gateway.edge;

import io.vertx.core.MultiMap;

import java.util.List;

/**
 * What the gateway decided about one request at the edge: its id and who/where the client is. Upstreams read
 * these from the headers written by {@link #writeTo}, never from what the client sent.
 */
public record EdgeRequest(String requestId, String clientIp, String proto, String host, int port) {

    public static final String REQUEST_ID = "X-Request-Id";

    /** Client-supplied forwarding headers: dropped so a client cannot speak for the gateway. */
    private static final List<String> SPOOFABLE = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Proto",
            "X-Forwarded-Host", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Real-IP");

    public void writeTo(MultiMap upstreamHeaders) {
        SPOOFABLE.forEach(upstreamHeaders::remove);
        upstreamHeaders.set(REQUEST_ID, requestId);
        // Exactly one address: the one the gateway vouches for, so a service can use it as-is (login throttling).
        upstreamHeaders.set("X-Forwarded-For", clientIp);
        upstreamHeaders.set("X-Forwarded-Proto", proto);
        upstreamHeaders.set("X-Forwarded-Host", host);
        upstreamHeaders.set("X-Forwarded-Port", Integer.toString(port));
    }
}
