package id.qutab.affiliate.tiers;

import id.qutab.platform.persistence.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The {@code tier-recalculation} job (daily, and after the tier ladder changes): every approved or suspended
 * affiliate gets the highest tier whose threshold their trailing 90-day confirmed sales reach — promotion and
 * demotion alike. Confirmed sales = what customers paid for attributed orders paid in the last 90 days, minus
 * voided and clawed-back ones. One statement; only changed rows are written, so a second run reports 0.
 */
@ApplicationScoped
public class TierRecalculation {

    private static final Logger LOG = Logger.getLogger(TierRecalculation.class);
    private static final String RECALCULATE = """
            WITH sales AS (
                SELECT a.id, coalesce(sum(c.sales_amount), 0) AS sales_90d
                FROM affiliate a
                LEFT JOIN commission c ON c.affiliate_id = a.id AND c.paid_at >= now() - interval '90 days'
                     AND c.voided_at IS NULL AND c.clawback_at IS NULL
                WHERE a.status IN ('APPROVED', 'SUSPENDED')
                GROUP BY a.id),
            target AS (
                SELECT s.id, (SELECT t.id FROM tier t WHERE t.min_sales_90d <= s.sales_90d
                              ORDER BY t.min_sales_90d DESC LIMIT 1) AS tier_id
                FROM sales s)
            UPDATE affiliate a SET tier_id = target.tier_id, tier_changed_at = now(), updated_at = now()
            FROM target
            WHERE a.id = target.id AND a.tier_id IS DISTINCT FROM target.tier_id""";

    @Inject
    EntityManager em;

    public int run() {
        int changed = QuarkusTransaction.requiringNew().call(this::recalculateIn);
        if (changed > 0) {
            LOG.infof("tier recalculation: %d affiliate(s) moved tier", changed);
        }
        return changed;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int recalculateIn() {
        return Sql.update(em, RECALCULATE);
    }

    /** Trailing 90-day confirmed sales of one affiliate (shown on the dashboard). */
    @Transactional
    public long sales90d(java.util.UUID affiliateId) {
        Object value = em.createNativeQuery("""
                        SELECT coalesce(sum(sales_amount), 0) FROM commission
                        WHERE affiliate_id = ?1 AND paid_at >= now() - interval '90 days'
                          AND voided_at IS NULL AND clawback_at IS NULL""")
                .setParameter(1, affiliateId).getSingleResult();
        return Sql.longValue(value);
    }
}
