package id.qutab.affiliate.clicks;

import id.qutab.affiliate.stats.DailyStatsAggregation;
import id.qutab.affiliate.support.Jakarta;
import id.qutab.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The {@code click-cleanup} job: raw clicks older than {@code qutab.referral.click-retention-days} (90) are
 * removed, one Jakarta day at a time, each in one transaction with a rebuild of that day's {@code daily_stats}
 * from the very rows being removed — so a day's click numbers are summarized before its raw clicks go, and stay.
 */
@ApplicationScoped
public class ClickCleanup {

    private static final Logger LOG = Logger.getLogger(ClickCleanup.class);

    @Inject
    DailyStatsAggregation aggregation;

    @Inject
    EntityManager em;

    public int run() {
        Instant horizon = Jakarta.startOf(aggregation.firstDayWithRawClicks());
        int deleted = 0;
        while (true) {
            Instant oldest = QuarkusTransaction.requiringNew().call(() -> {
                Object value = em.createNativeQuery("SELECT min(clicked_at) FROM click WHERE clicked_at < ?1")
                        .setParameter(1, horizon).getSingleResult();
                return Sql.instant(value);
            });
            if (oldest == null) {
                break;
            }
            LocalDate day = Jakarta.day(oldest);
            Instant start = Jakarta.startOf(day);
            Instant end = Jakarta.startOf(day.plusDays(1)).isBefore(horizon) ? Jakarta.startOf(day.plusDays(1)) : horizon;
            deleted += QuarkusTransaction.requiringNew().call(() -> {
                aggregation.rebuildIn(day, true);
                return Sql.update(em, "DELETE FROM click WHERE clicked_at >= ?1 AND clicked_at < ?2", start, end);
            });
        }
        if (deleted > 0) {
            LOG.infof("click cleanup: %d raw click(s) older than %s removed", deleted, horizon);
        }
        return deleted;
    }
}
