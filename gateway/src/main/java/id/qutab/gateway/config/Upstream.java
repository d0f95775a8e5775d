package id.qutab.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** One service as the gateway reaches it: parsed once at start-up so a typo fails the boot, not a request. */
public record Upstream(String name, String host, int port, boolean ssl, String basePath) {

    public static Upstream parse(String name, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("qutab.services." + name + ".url is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("qutab.services." + name + ".url must be http(s)://host[:port][/path]: " + url);
        }
        boolean ssl = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        // A base path lets a service sit under a prefix of its own; "/" and "" mean none.
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Upstream(name, uri.getHost(), port, ssl, path);
    }

    @Override
    public String toString() {
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
