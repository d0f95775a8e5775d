package id.qutab.affiliate.clicks;

import id.qutab.affiliate.codes.ReferralCodeCache;
import id.qutab.affiliate.codes.ReferralCodeGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code GET /r/{code}} — the hot path. A plain Vert.x route on the event loop (no JAX-RS, no worker thread, no
 * blocking): the code is looked up in {@link ReferralCodeCache} (memory), the visitor is hashed, the click goes
 * into {@link ClickBuffer} (memory) and the answer is a 302 at once. No database round trip per request.
 *
 * <ul>
 *   <li>active code: 302 to the landing page or an allowed {@code ?to=}, with the {@code qutab_ref} cookie;</li>
 *   <li>unknown code, malformed code, suspended affiliate: 302 to the same place, no cookie, no click;</li>
 *   <li>a visit the gateway marked {@value #OVER_LIMIT} (its address is over the per-address limit of
 *       {@code /r/**}): the same 302 and cookie as any visit — a customer behind carrier NAT shares the address
 *       with thousands and must still be attributed — but the click is not recorded, only counted in
 *       {@code qutab_referral_clicks_limited_total}.</li>
 * </ul>
 */
@ApplicationScoped
public class ReferralRedirect {

    private static final CharSequence LOCATION = HttpHeaders.createOptimized("Location");
    private static final CharSequence SET_COOKIE = HttpHeaders.createOptimized("Set-Cookie");
    private static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
    private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence CONTENT_LENGTH = HttpHeaders.createOptimized("Content-Length");
    private static final CharSequence ZERO = HttpHeaders.createOptimized("0");
    private static final int MAX_FORWARDED_IP = 45;
    /** Set by the gateway (which drops a client's own) when the visitor's address is over the /r/ limit. */
    static final String OVER_LIMIT = "X-Qutab-Rate-Limited";

    @Inject
    ReferralCodeCache codes;

    @Inject
    ClickBuffer buffer;

    @Inject
    UniqueVisitor visitors;

    @Inject
    BotUserAgents bots;

    @Inject
    RedirectTargets targets;

    @Inject
    ReferralCookie cookie;

    @Inject
    ReferralConfig config;

    private final Counter limited;

    @Inject
    ReferralRedirect(MeterRegistry registry) {
        this.limited = Counter.builder("qutab.referral.clicks.limited")
                .description("Referral visits redirected but not counted: the address was over the gateway's limit")
                .register(registry);
    }

    void install(@Observes Router router) {
        // After the platform's request-id filter (order -1000), before anything else.
        router.get("/r/:code").order(-900).handler(this::redirect);
    }

    void redirect(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String to = request.getParam("to");
        String location = targets.resolve(to);
        HttpServerResponse response = rc.response();
        MultiMap headers = response.headers();
        headers.add(LOCATION, location).add(CACHE_CONTROL, NO_STORE).add(CONTENT_LENGTH, ZERO);

        String code = rc.pathParam("code");
        ReferralCodeCache.Entry entry = ReferralCodeGenerator.plausible(code) ? codes.find(code) : null;
        if (entry != null && entry.active()) {
            UUID clickId = ClickIds.next();
            if (request.headers().contains(OVER_LIMIT)) {
                limited.increment();
            } else {
                String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
                byte[] visitor = visitors.hash(clientIp(request), userAgent);
                buffer.offer(new Click(clickId, entry.affiliateId(), entry.code(), Instant.now(), visitor,
                        bots.isBot(userAgent), to == null ? null : location));
            }
            headers.add(SET_COOKIE, cookie.header(entry.code(), clickId));
        }
        response.setStatusCode(302).end();
    }

    /** First hop of X-Forwarded-For (the gateway sets it to the client's address), else the TCP peer. */
    private String clientIp(HttpServerRequest request) {
        if (config.trustForwardedFor()) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                int comma = forwarded.indexOf(',');
                String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                if (!first.isEmpty() && first.length() <= MAX_FORWARDED_IP) {
                    return first;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "" : remote.hostAddress();
    }
}
