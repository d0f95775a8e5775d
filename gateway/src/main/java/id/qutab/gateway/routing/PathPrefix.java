package id.qutab.gateway.routing;

/**
 * Prefix matching on path-segment boundaries, so {@code /api/me} owns {@code /api/me/password} but not
 * {@code /api/merchants}. A prefix ending in "/" owns only what is below it.
 */
public final class PathPrefix {

    private PathPrefix() {
    }

    public static boolean matches(String prefix, String path) {
        if (!path.startsWith(prefix)) {
            return false;
        }
        return prefix.endsWith("/") || path.length() == prefix.length() || path.charAt(prefix.length()) == '/';
    }

    /** Turns configured text into a usable prefix or says why it is not one. */
    public static String normalize(String raw, String where) {
        String prefix = raw.trim();
        if (!prefix.startsWith("/") || prefix.contains("..") || prefix.contains("?") || prefix.contains("#")) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is not an absolute path prefix");
        }
        return prefix;
    }
}
