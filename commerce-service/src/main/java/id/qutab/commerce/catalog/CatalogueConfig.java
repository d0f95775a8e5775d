package id.qutab.commerce.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The public catalogue's in-memory cache and the caching it asks of browsers and CDNs (README "Catalogue cache"). */
@ConfigMapping(prefix = "qutab.catalogue")
public interface CatalogueConfig {

    /**
     * Safety net only: a change is normally seen within milliseconds (LISTEN/NOTIFY); a cached response older than
     * this is rendered again even if a notification was lost (listener reconnecting), so it bounds the lag.
     */
    @WithDefault("5s")
    Duration ttl();

    /** Most cached responses (lists per normalized query, plus details); hostile distinct queries cannot grow it. */
    @WithDefault("1000")
    int maxEntries();

    /** {@code Cache-Control: max-age}: how long a browser or CDN may reuse a response without asking. */
    @WithDefault("5s")
    Duration maxAge();

    /** {@code stale-while-revalidate}: how long past max-age it may show the old copy while it asks again. */
    @WithDefault("30s")
    Duration staleWhileRevalidate();

    /** The dedicated listener connection: how long to wait before reconnecting after it broke. */
    @WithDefault("1s")
    Duration reconnectDelay();
}
