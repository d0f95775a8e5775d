package id.qutab.gateway.ratelimit;

import id.qutab.gateway.config.GatewayConfig;
import id.qutab.gateway.edge.RequestIdAndForwardedHeaders;
import id.qutab.gateway.problem.ProblemResponses;
import id.qutab.gateway.routing.PathPrefix;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-client-IP request limits on the paths worth abusing: {@code /api/auth/**} (credential stuffing, mail
 * bombing through password reset) and {@code /r/**} (click inflation). The services add their own, finer
 * limits (per account); this one stops floods before they cost a service anything. Over the limit → 429
 * problem+json with {@code Retry-After} in whole seconds — or, for a limit configured {@code over-limit=mark},
 * the request goes on with {@value #OVER_LIMIT_HEADER} set to the limit's name: {@code /r/**} is a person
 * following a link (thousands share one address behind carrier NAT) and must always land on the shop; only
 * the click is not counted, which affiliate-service decides from that header.
 */
@ApplicationScoped
public class RateLimits {

    static final int PRIORITY = 700;
    /** Set by the gateway alone: whatever a client sent under this name is dropped. */
    public static final String OVER_LIMIT_HEADER = "X-Qutab-Rate-Limited";
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    record Limit(String name, List<String> prefixes, ClientBuckets buckets, Counter rejected, boolean mark) {

        boolean covers(String path) {
            for (String prefix : prefixes) {
                if (PathPrefix.matches(prefix, path)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Limit> limits = new ArrayList<>();

    RateLimits(GatewayConfig config, MeterRegistry registry) {
        for (Map.Entry<String, GatewayConfig.RateLimit> entry : config.rateLimit().entrySet()) {
            String name = entry.getKey();
            GatewayConfig.RateLimit limit = entry.getValue();
            List<String> prefixes = limit.prefixes().stream()
                    .map(p -> PathPrefix.normalize(p, "qutab.gateway.rate-limit." + name + ".prefixes"))
                    .toList();
            ClientBuckets buckets = new ClientBuckets(limit.capacity(), limit.refillPeriod(),
                    config.rateLimitTrackedClients(), System::nanoTime);
            Counter rejected = Counter.builder("qutab.gateway.rate.limited")
                    .description("Requests over a per-client limit (refused with 429, or marked and forwarded)")
                    .tag("limit", name)
                    .register(registry);
            limits.add(new Limit(name, prefixes, buckets, rejected,
                    limit.overLimit() == GatewayConfig.OverLimit.MARK));
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        String path = rc.normalizedPath();
        rc.request().headers().remove(OVER_LIMIT_HEADER);
        for (Limit limit : limits) {
            if (!limit.covers(path)) {
                continue;
            }
            ConsumptionProbe probe = limit.buckets().tryConsume(clientKey(RequestIdAndForwardedHeaders.of(rc).clientIp()));
            if (!probe.isConsumed()) {
                limit.rejected().increment();
                if (limit.mark()) {
                    rc.request().headers().add(OVER_LIMIT_HEADER, limit.name());
                    continue;
                }
                long seconds = retryAfterSeconds(probe.getNanosToWaitForRefill());
                rc.response().putHeader("Retry-After", Long.toString(seconds));
                ProblemResponses.send(rc, 429, "rate-limited", "Too Many Requests",
                        "Too many requests from your address; retry in " + seconds + " s.");
                return;
            }
        }
        rc.next();
    }

    /** Rounded up: a client that waits exactly this long gets its token. Never 0, which would invite a hot loop. */
    static long retryAfterSeconds(long nanosToWait) {
        return Math.max(1, (nanosToWait + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * IPv4: the address. IPv6: its /64, because one subscriber usually gets a whole /64 and could otherwise
     * take a fresh address (and a fresh bucket) per request.
     */
    static String clientKey(String ip) {
        if (ip.indexOf(':') < 0 || !IPV6_LITERAL.matcher(ip).matches()) {
            return ip;
        }
        try {
            // Only ever a literal here, so this never turns into a (blocking) DNS lookup.
            byte[] bytes = InetAddress.getByName(ip).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
