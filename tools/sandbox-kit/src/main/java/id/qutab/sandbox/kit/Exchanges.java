package id.qutab.sandbox.kit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Request and answer helpers for a JDK HttpServer handler. Errors are thrown as the caller's own exception (from a
 * supplier), so each sandbox keeps its provider's error shape.
 */
public final class Exchanges {

    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";

    private Exchanges() {
    }

    /** Throws {@link MethodNotAllowed} unless {@code method} is one of {@code allowed}. */
    public static void allow(String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw new MethodNotAllowed(String.join(", ", allowed));
    }

    /** The body, at most {@code maxBytes}: more throws {@code tooLarge}, a read failure throws {@code unreadable}. */
    public static byte[] readBody(HttpExchange exchange, int maxBytes, Supplier<? extends RuntimeException> tooLarge,
                                  Supplier<? extends RuntimeException> unreadable) {
        try (InputStream in = exchange.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > maxBytes) {
                    throw tooLarge.get();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw unreadable.get();
        }
    }

    /** The decoded query parameters, the first of repeated names winning; a bad escape throws {@code malformed}. */
    public static Map<String, String> query(HttpExchange exchange, Supplier<? extends RuntimeException> malformed) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                result.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw malformed.get();
            }
        }
        return result;
    }

    /** Decoded path segments; empty segments (double or trailing slashes) are ignored. */
    public static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        if (path == null) {
            return result;
        }
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                result.add(segment);
            }
        }
        return result;
    }

    /**
     * Sends an answer that is never cached nor sniffed; HTML gets {@code htmlPolicy} as its Content-Security-Policy
     * and no referrer. A HEAD request gets the headers only.
     */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                            Map<String, String> extraHeaders, String htmlPolicy) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        if (HTML.equals(contentType)) {
            headers.set("Content-Security-Policy", htmlPolicy);
            headers.set("Referrer-Policy", "no-referrer");
        }
        extraHeaders.forEach(headers::set);
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * Sends the answer (as {@link #send}), closes the exchange and logs one INFO line: method, path, status, time;
     * never bodies. A client that went away is logged at FINE, never thrown.
     */
    public static void finish(HttpExchange exchange, Logger log, long startedNanos, int status, String contentType,
                              byte[] body, Map<String, String> extraHeaders, String htmlPolicy) {
        try {
            send(exchange, status, contentType, body, extraHeaders, htmlPolicy);
        } catch (IOException | RuntimeException e) {
            log.log(Level.FINE, "could not send the response", e);
        } finally {
            exchange.close();
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        log.info(() -> exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " -> " + status
                + " (" + millis + " ms)");
    }

    /** 405; {@link #allow()} is the value for the {@code Allow} header. */
    public static final class MethodNotAllowed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String allow;

        MethodNotAllowed(String allow) {
            super(null, null, false, false);
            this.allow = allow;
        }

        public String allow() {
            return allow;
        }
    }
}
