package id.qutab.affiliate.commissions;

import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What {@code payout.payout.paid} said: payout P paid out commission C. Kept as facts even when C is not known yet
 * (events of different producers have no order between them), and applied when C is created.
 */
@ApplicationScoped
public class PaidOutCommissions {

    @Inject
    EntityManager em;

    public record Allocation(UUID payoutId, Instant paidAt) {
    }

    public void remember(UUID commissionId, UUID payoutId, UUID affiliateId, Instant paidAt) {
        Sql.update(em, """
                INSERT INTO payout_allocation (commission_id, payout_id, affiliate_id, paid_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (commission_id, payout_id) DO NOTHING""", commissionId, payoutId, affiliateId, paidAt);
    }

    /** The earliest payout of this commission made for its own affiliate, if any. */
    public Allocation first(UUID commissionId, UUID affiliateId) {
        List<Object[]> rows = Sql.rows(em, """
                SELECT payout_id, paid_at FROM payout_allocation
                WHERE commission_id = ?1 AND (affiliate_id IS NULL OR affiliate_id = ?2)
                ORDER BY paid_at, payout_id LIMIT 1""", commissionId, affiliateId);
        if (rows.isEmpty()) {
            return null;
        }
        return new Allocation((UUID) rows.get(0)[0], Sql.instant(rows.get(0)[1]));
    }
}
