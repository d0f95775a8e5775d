package id.qutab.gateway.routing;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static final Set<String> SERVICES = Set.of("identity", "commerce", "affiliate", "payout");

    private final RouteTable table = RouteTable.of(Map.of(
            "identity", List.of("/api/auth/", "/api/me"),
            "commerce", List.of("/api/affiliate/coupons", "/api/orders"),
            "affiliate", List.of("/api/affiliate/", "/r/"),
            "payout", List.of("/api/affiliate/balance")), SERVICES);

    private Optional<String> serviceFor(String path) {
        return table.match(path).map(RouteTable.Route::service);
    }

    @Test
    void longestPrefixWins() {
        assertEquals(Optional.of("payout"), serviceFor("/api/affiliate/balance"));
        assertEquals(Optional.of("commerce"), serviceFor("/api/affiliate/coupons/9"));
        assertEquals(Optional.of("affiliate"), serviceFor("/api/affiliate/dashboard"));
        // "balance" is a segment, not a string prefix.
        assertEquals(Optional.of("affiliate"), serviceFor("/api/affiliate/balances"));
    }

    @Test
    void prefixesMatchOnSegmentBoundaries() {
        assertEquals(Optional.of("identity"), serviceFor("/api/me"));
        assertEquals(Optional.of("identity"), serviceFor("/api/me/password"));
        assertEquals(Optional.empty(), serviceFor("/api/merchants"));
        assertEquals(Optional.empty(), serviceFor("/api/auth"));
        assertEquals(Optional.of("identity"), serviceFor("/api/auth/login"));
        assertEquals(Optional.empty(), serviceFor("/r"));
        assertEquals(Optional.of("commerce"), serviceFor("/api/orders"));
        assertEquals(Optional.empty(), serviceFor("/api/ordersx"));
    }

    @Test
    void internalAndQuarkusPathsNeverMatchEvenUnderACatchAll() {
        RouteTable catchAll = RouteTable.of(Map.of("commerce", List.of("/")), SERVICES);
        assertEquals(Optional.empty(), catchAll.match("/internal/events"));
        assertEquals(Optional.empty(), catchAll.match("/internal"));
        assertEquals(Optional.empty(), catchAll.match("/q/health"));
        assertEquals(Optional.of("commerce"), catchAll.match("/internals").map(RouteTable.Route::service));
    }

    @Test
    void refusesABrokenTable() {
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("commerce", List.of("/internal/events")), SERVICES));
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("commerce", List.of("/q/")), SERVICES));
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("loyalty", List.of("/api/loyalty")), SERVICES));
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("commerce", List.of("api/orders")), SERVICES));
        assertThrows(IllegalArgumentException.class,
                () -> RouteTable.of(Map.of("commerce", List.of("/api/../internal")), SERVICES));
        Map<String, List<String>> twice = new LinkedHashMap<>();
        twice.put("commerce", List.of("/api/orders"));
        twice.put("payout", List.of(" /api/orders"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteTable.of(twice, SERVICES));
        assertTrue(e.getMessage().contains("/api/orders"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RouteTable.of(Map.of(), SERVICES));
    }

    @Test
    void metricTemplatesNameTheRouteNotThePath() {
        assertEquals("/api/affiliate/**", table.match("/api/affiliate/x/y").orElseThrow().metricTemplate());
        assertEquals("/api/me/**", table.match("/api/me/password").orElseThrow().metricTemplate());
    }
}
