package id.qutab.affiliate.clicks;

import id.qutab.platform.web.FrontendConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where {@code /r/{code}} sends the visitor: the landing page ({@code qutab.frontend.base-url}), or {@code ?to=}
 * when it is safe — a path on the frontend ({@code /products/123}) or an absolute http(s) URL whose host is the
 * frontend's or in {@code qutab.referral.allowed-redirect-hosts}. Anything else (other hosts, other schemes,
 * {@code //evil}, user-info tricks, control characters) lands on the landing page: never an open redirect.
 */
@Singleton
public class RedirectTargets {

    private static final int MAX_LENGTH = 2000;

    private final String landing;
    private final Set<String> allowedHosts;

    @Inject
    public RedirectTargets(FrontendConfig frontend, ReferralConfig config) {
        this(frontend.base(), frontend.host(), config.allowedRedirectHosts().orElse(List.of()));
    }

    RedirectTargets(String landing, String landingHost, List<String> allowed) {
        this.landing = landing;
        Set<String> hosts = new HashSet<>();
        if (!landingHost.isEmpty()) {
            hosts.add(landingHost);
        }
        allowed.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).forEach(hosts::add);
        this.allowedHosts = Set.copyOf(hosts);
    }

    public String landing() {
        return landing;
    }

    /** The Location for {@code to} (may be null); always an absolute, header-safe URL. */
    public String resolve(String to) {
        if (to == null || to.isEmpty() || to.length() > MAX_LENGTH || !printableAscii(to)) {
            return landing;
        }
        if (to.startsWith("/")) {
            if (to.startsWith("//")) {
                return landing;
            }
            return parse(landing + to.substring(1)).map(URI::toASCIIString).orElse(landing);
        }
        return parse(to)
                .filter(uri -> "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                .filter(uri -> uri.getRawUserInfo() == null && uri.getHost() != null)
                .filter(uri -> allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT)))
                .map(URI::toASCIIString)
                .orElse(landing);
    }

    private static java.util.Optional<URI> parse(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() ? java.util.Optional.of(uri) : java.util.Optional.empty();
        } catch (URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /** No spaces, controls, backslashes or non-ASCII: nothing a browser might reinterpret, nothing to escape. */
    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
