package id.qutab.console.web;

import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * 303 See Other to a path of the console, written as a relative Location: behind the gateway the console does not
 * know the public host, and the browser resolves the path against the page it is on.
 */
public final class Redirects {

    private Redirects() {
    }

    public static Response.ResponseBuilder to(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", safe(path));
    }

    /** A path the browser may be sent back to: one of ours, never another site ({@code //evil}, {@code /\evil}). */
    public static String safe(String path) {
        if (path == null || !path.startsWith("/admin") || path.startsWith("//") || path.contains("\\")
                || path.chars().anyMatch(c -> c < 0x20)) {
            return "/admin/";
        }
        return path;
    }

    public static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
