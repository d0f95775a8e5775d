package id.qutab.platform.outbox;

import id.qutab.platform.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Resolves an event type to the destinations subscribed to it ({@code commerce.order.*} or an exact type). */
@ApplicationScoped
public class Subscriptions {

    private final Map<String, List<String>> byType = new ConcurrentHashMap<>();

    @Inject
    OutboxConfig config;

    @Inject
    ServiceDirectory directory;

    public List<String> destinationsFor(String eventType) {
        return byType.computeIfAbsent(eventType, this::resolve);
    }

    public String urlOf(String destination) {
        return directory.url(destination).orElseThrow(() -> new IllegalStateException(
                "no qutab.services." + destination + ".url configured for outbox destination " + destination));
    }

    private List<String> resolve(String eventType) {
        List<String> destinations = new ArrayList<>();
        config.subscriptions().forEach((destination, patterns) -> {
            if (patterns.stream().anyMatch(p -> matches(p.trim(), eventType))) {
                urlOf(destination); // fail loudly at the first record, not silently at delivery
                destinations.add(destination);
            }
        });
        destinations.sort(String::compareTo);
        return List.copyOf(destinations);
    }

    static boolean matches(String pattern, String type) {
        return pattern.endsWith("*") ? type.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(type);
    }
}
