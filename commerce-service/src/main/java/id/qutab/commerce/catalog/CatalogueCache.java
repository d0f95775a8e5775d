package id.qutab.commerce.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.tx.AfterCommit;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The public catalogue's responses, rendered once: the JSON bytes and their ETag, per normalized list query or
 * product id, so a hit costs a map lookup (no Hibernate, no Jackson, no hashing). Dropped as a whole on every product
 * change: {@link CatalogueListener} on a NOTIFY from any replica (the V9 trigger), and right after this replica's own
 * product transactions commit ({@link #clearAfterCommit}) so a writer reads its own write. A response older than
 * {@link CatalogueConfig#ttl()} is rendered again, whatever the notifications said.
 *
 * <p>A response rendered from a snapshot taken before a change must not be stored after that change's clear: the
 * generation is read before rendering and the response is only stored (and kept) while it is unchanged.
 */
@ApplicationScoped
public class CatalogueCache {

    private static final Object AFTER_COMMIT_KEY = new Object();

    @Inject
    CatalogueConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    TransactionSynchronizationRegistry transaction;

    private final Map<Object, Rendered> entries = new ConcurrentHashMap<>();
    /** Raw request URI → its normalized key, so {@link CatalogueRoute} can serve a hit without parsing anything. */
    private final Map<String, Object> aliases = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private volatile String cacheControl;

    /** A response as sent: its body and strong ETag (a digest of the body, so equal bodies share it across replicas). */
    public record Rendered(byte[] body, Buffer wire, String etag, long bornNanos) {
    }

    /** {@code Cache-Control} of every catalogue response (lists and details alike). */
    public String cacheControl() {
        String value = cacheControl;
        if (value == null) {
            value = "public, max-age=" + config.maxAge().toSeconds()
                    + ", stale-while-revalidate=" + config.staleWhileRevalidate().toSeconds();
            cacheControl = value;
        }
        return value;
    }

    /** The cached response for {@code key}, or a new rendering of {@code render()}'s value (stored if still current). */
    public Rendered get(Object key, Supplier<Object> render) {
        Rendered hit = fresh(key);
        if (hit != null) {
            return hit;
        }
        long seen = generation.get();
        Rendered rendered = render(render.get());
        store(key, rendered, seen);
        return rendered;
    }

    /** A stored response young enough to serve, or null. */
    public Rendered fresh(Object key) {
        Rendered r = entries.get(key);
        if (r == null) {
            return null;
        }
        if (System.nanoTime() - r.bornNanos() > config.ttl().toNanos()) {
            entries.remove(key, r);
            return null;
        }
        return r;
    }

    /** A young enough response for a raw request URI already seen and normalized by {@link ProductResource}. */
    public Rendered byUri(String uri) {
        Object key = aliases.get(uri);
        return key == null ? null : fresh(key);
    }

    /** Remembers which key {@code uri} normalizes to; bounded like the responses (an alias outlives a clear). */
    public void alias(String uri, Object key) {
        if (uri == null || uri.length() > 2048 || key.equals(aliases.get(uri))) {
            return;
        }
        Iterator<String> any = aliases.keySet().iterator();
        while (aliases.size() >= config.maxEntries() && any.hasNext()) {
            any.next();
            any.remove();
        }
        aliases.put(uri, key);
    }

    public int aliasCount() {
        return aliases.size();
    }

    private void store(Object key, Rendered rendered, long seen) {
        if (generation.get() != seen) {
            return;
        }
        // At the bound an arbitrary entry makes room: the TTL renews every entry soon anyway, so LRU bookkeeping on
        // every hit would cost more than the odd extra rendering.
        Iterator<Object> oldest = entries.keySet().iterator();
        while (entries.size() >= config.maxEntries() && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
        entries.put(key, rendered);
        if (generation.get() != seen) {
            // A clear ran between the check above and the put: what we stored may predate the change.
            entries.remove(key, rendered);
        }
    }

    /** Drops every response: the products changed (or may have, while the listener was away). */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Clears once the current transaction commits (the NOTIFY reaches this replica too, but a little later). */
    public void clearAfterCommit() {
        AfterCommit.once(transaction, AFTER_COMMIT_KEY, this::clear);
    }

    public int size() {
        return entries.size();
    }

    private Rendered render(Object value) {
        try {
            byte[] body = json.writeValueAsBytes(value);
            // The wire copy is written as is by every hit (Vert.x sends a duplicate of it, never consumes it).
            return new Rendered(body, Buffer.buffer(body), etagOf(body), System.nanoTime());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not render the catalogue response", e);
        }
    }

    static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code If-None-Match} names this ETag (or {@code *}); weak comparison, as RFC 9110 asks for GET. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isEmpty()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag) || tag.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
