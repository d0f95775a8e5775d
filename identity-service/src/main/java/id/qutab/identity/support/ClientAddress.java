package id.qutab.identity.support;

import id.qutab.identity.AuthConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.regex.Pattern;

/**
 * The caller's address for per-IP throttling: the first hop of {@code X-Forwarded-For} that the gateway
 * sets, else the socket's remote address.
 */
@ApplicationScoped
public class ClientAddress {

    private static final Pattern IP_LIKE = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    AuthConfig config;

    public String of(HttpServerRequest request) {
        if (config.throttle().trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                String first = forwarded.split(",", 2)[0].trim();
                if (IP_LIKE.matcher(first).matches()) {
                    return first;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
