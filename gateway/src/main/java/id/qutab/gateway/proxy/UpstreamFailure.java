package id.qutab.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Why forwarding failed, as the client should hear it. vertx-http-proxy only reports "the origin request
 * failed" (and would answer an empty 502), so the cause decides: nobody listening → 502, too slow → 504,
 * connection broken before an answer → 502.
 */
enum UpstreamFailure {

    UNREACHABLE(502, "upstream-unavailable", "Bad Gateway", "The %s service cannot be reached right now; try again shortly."),
    TIMEOUT(504, "upstream-timeout", "Gateway Timeout", "The %s service did not answer in time."),
    BROKEN(502, "upstream-error", "Bad Gateway", "The connection to the %s service broke before it answered.");

    final int status;
    final String slug;
    final String title;
    private final String detail;

    UpstreamFailure(int status, String slug, String title, String detail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    String detail(String service) {
        return String.format(detail, service);
    }

    /**
     * Whether the connection closed or was reset under the request before any answer, as opposed to the service
     * being unreachable or slow, or the exchange failing for a reason of its own (body too large).
     */
    static boolean connectionLost(Throwable failure) {
        if (classify(failure) != BROKEN) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // StreamResetException: the proxy resets the request when writing it fails on a closed connection.
            if (cause instanceof HttpClosedException || cause instanceof StreamResetException
                    || cause instanceof ClosedChannelException || cause instanceof IOException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    static UpstreamFailure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Netty's connect timeout is a ConnectException too, so timeouts are looked for first.
            if (cause instanceof TimeoutException || cause instanceof ConnectTimeoutException) {
                return TIMEOUT;
            }
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof NoRouteToHostException) {
                return UNREACHABLE;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return BROKEN;
    }
}
