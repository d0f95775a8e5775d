package id.qutab.gateway.routing;

import java.util.List;
import java.util.Locale;

/**
 * Paths that must never reach a service through the edge, whatever the route table says: {@code /internal/**}
 * is service-to-service event delivery and {@code /q/**} is each service's health, metrics and OpenAPI. This is
 * a security invariant, so it is code and not configuration.
 */
public final class NeverForwarded {

    private static final List<String> PREFIXES = List.of("/internal", "/q");

    /**
     * Raw-path spellings that a service might decode differently from the gateway: encoded slash or backslash
     * ({@code /api/orders%2F..%2Finternal}), a backslash, matrix parameters ({@code /..;/}) and NUL. The API uses
     * none of them, so refusing them is cheaper than proving every upstream reads them the same way.
     */
    private static final List<String> AMBIGUOUS = List.of("%2f", "%5c", "\\", ";", "%00");

    private NeverForwarded() {
    }

    public static boolean isInternal(String normalizedPath) {
        for (String prefix : PREFIXES) {
            if (PathPrefix.matches(prefix, normalizedPath)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isAmbiguous(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        for (String token : AMBIGUOUS) {
            if (lower.contains(token)) {
                return true;
            }
        }
        return false;
    }
}
