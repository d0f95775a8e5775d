package id.qutab.affiliate.codes;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every issued code in memory, so that {@code GET /r/{code}} answers without touching the database.
 *
 * <ul>
 *   <li>Loaded at start-up.</li>
 *   <li>Updated right after the transaction that approved, suspended, reinstated or erased an affiliate commits
 *       on this instance ({@link CodeChanged}).</li>
 *   <li>Other instances learn within {@code qutab.referral.code-refresh} (2 s): each polls the one-row
 *       {@code code_version} table and reloads everything when it moved.</li>
 * </ul>
 * Lookups are case-insensitive ({@code /r/xk7mp2q} finds {@code XK7mP2q}); the entry carries the code as issued.
 */
@ApplicationScoped
public class ReferralCodeCache {

    private static final Logger LOG = Logger.getLogger(ReferralCodeCache.class);

    /** A code as the hot path needs it. {@code active} = the affiliate is approved (not suspended). */
    public record Entry(UUID affiliateId, String code, boolean active, long touchedNanos) {
    }

    private final ConcurrentHashMap<String, Entry> byCode = new ConcurrentHashMap<>();
    private final AtomicLong loadedVersion = new AtomicLong(-1);

    @Inject
    EntityManager em;

    @Inject
    CodeVersion version;

    /** The entry for this code (any case), or null. Never blocks, never queries. */
    public Entry find(String code) {
        return byCode.get(code.toLowerCase(Locale.ROOT));
    }

    public int size() {
        return byCode.size();
    }

    void onStart(@Observes @Priority(100) StartupEvent start) {
        reload();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CodeChanged change) {
        put(change.affiliateId(), change.code(), change.active());
    }

    public void put(UUID affiliateId, String code, boolean active) {
        // A code moving to another affiliate never happens (codes are never reissued), so the key is enough.
        byCode.put(code.toLowerCase(Locale.ROOT), new Entry(affiliateId, code, active, System.nanoTime()));
    }

    @Scheduled(every = "${qutab.referral.code-refresh:2s}", delay = 2, concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "referral-code-refresh")
    void poll() {
        try {
            if (version.current() != loadedVersion.get()) {
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("referral code cache refresh failed (%s); serving the codes known so far", e.getClass().getSimpleName());
        }
    }

    /**
     * Replaces the cache with the database's view. Entries put by this instance after the reload began win over
     * the (older) snapshot, so a commit racing a reload is never undone.
     */
    @Transactional
    public void reload() {
        long started = System.nanoTime();
        long v = version.current();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, code, status FROM affiliate WHERE code IS NOT NULL").getResultList();
        Map<String, Entry> fresh = new HashMap<>(rows.size() * 2);
        for (Object[] row : rows) {
            String code = (String) row[1];
            fresh.put(code.toLowerCase(Locale.ROOT),
                    new Entry((UUID) row[0], code, "APPROVED".equals(row[2]), started));
        }
        fresh.forEach((key, entry) -> byCode.merge(key, entry,
                (old, neu) -> old.touchedNanos() > started ? old : neu));
        byCode.entrySet().removeIf(e -> !fresh.containsKey(e.getKey()) && e.getValue().touchedNanos() <= started);
        loadedVersion.set(v);
        LOG.debugf("referral code cache loaded: %d codes (version %d)", fresh.size(), v);
    }
}
