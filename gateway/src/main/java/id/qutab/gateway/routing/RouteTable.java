package id.qutab.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which service owns a path: the longest configured prefix that matches on a segment boundary. Built from
 * configuration ({@code qutab.gateway.routes.<service>}) and checked at start-up, so a broken table stops the
 * gateway from booting instead of misrouting traffic.
 */
public final class RouteTable {

    public record Route(String prefix, String service) {

        /** The metrics "uri" tag: one per route, so paths with ids do not blow up the tag cardinality. */
        public String metricTemplate() {
            return prefix.endsWith("/") ? prefix + "**" : prefix + "/**";
        }
    }

    private final List<Route> longestFirst;

    private RouteTable(List<Route> routes) {
        this.longestFirst = routes;
    }

    public static RouteTable of(Map<String, List<String>> prefixesByService, Set<String> knownServices) {
        Map<String, String> owner = new HashMap<>();
        List<Route> routes = new ArrayList<>();
        prefixesByService.forEach((service, prefixes) -> {
            if (!knownServices.contains(service)) {
                throw new IllegalArgumentException("qutab.gateway.routes." + service
                        + " names a service without qutab.services." + service + ".url");
            }
            for (String raw : prefixes) {
                String where = "qutab.gateway.routes." + service;
                String prefix = PathPrefix.normalize(raw, where);
                if (NeverForwarded.isInternal(prefix)) {
                    throw new IllegalArgumentException(where + ": " + prefix + " is under /internal or /q, never forwarded");
                }
                String previous = owner.putIfAbsent(prefix, service);
                if (previous != null) {
                    throw new IllegalArgumentException("route prefix " + prefix + " is claimed by both "
                            + previous + " and " + service);
                }
                routes.add(new Route(prefix, service));
            }
        });
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("qutab.gateway.routes is empty: the gateway would answer 404 to everything");
        }
        // Longest first makes "first match" the same as "longest prefix wins".
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()
                .thenComparing(Route::prefix));
        return new RouteTable(List.copyOf(routes));
    }

    public Optional<Route> match(String normalizedPath) {
        if (NeverForwarded.isInternal(normalizedPath)) {
            return Optional.empty();
        }
        for (Route route : longestFirst) {
            if (PathPrefix.matches(route.prefix(), normalizedPath)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return longestFirst;
    }
}
