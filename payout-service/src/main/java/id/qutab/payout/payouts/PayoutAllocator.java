package id.qutab.payout.payouts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which commissions a paid payout covers: the affiliate's AVAILABLE commissions, oldest first (by the
 * commission's creation time), each for what is still open of it, until the payout's amount is used up.
 *
 * <ul>
 *   <li>A commission is <em>fully paid</em> when its allocations add up to its amount; only those go into the
 *       event's {@code commissionIds} (affiliate-service marks them PAID).</li>
 *   <li>When the payout ends inside a commission, that commission is split: the covered part is allocated here,
 *       the remainder stays available (it is in the balance: {@code available} counts the commission minus what
 *       was paid out) and the next payout completes it first.</li>
 *   <li>If the available commissions do not cover the payout, the rest is recorded as {@code unallocatedAmount}.
 *       A void or clawback after the request no longer gets here ({@link PayoutCoverage} refuses to pay); what
 *       remains is the unclawed rest of a partially clawed-back commission, which counts in the balance but is
 *       not AVAILABLE to allocate.</li>
 * </ul>
 * Runs under the affiliate's {@link PayoutLock}.
 */
@ApplicationScoped
public class PayoutAllocator {

    private static final String OPEN_COMMISSIONS = """
            SELECT c.commission_id, c.amount - COALESCE((SELECT SUM(a.amount) FROM payout_allocation a
                                                       WHERE a.commission_id = c.commission_id), 0) AS open
              FROM ledger_commission c
             WHERE c.affiliate_id = :affiliate AND c.state = 'AVAILABLE'
             ORDER BY c.earned_at, c.commission_id""";

    @Inject
    EntityManager em;

    /** The allocations made and what could not be allocated. */
    public record Result(List<Allocation> allocations, long unallocated) {
        public List<UUID> fullyPaidCommissionIds() {
            return allocations.stream().filter(a -> a.fullyPaid).map(a -> a.commissionId).toList();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Result allocate(Payout payout) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(OPEN_COMMISSIONS)
                .setParameter("affiliate", payout.affiliateId).getResultList();
        long remaining = payout.amount;
        List<Allocation> made = new ArrayList<>();
        for (Object[] row : rows) {
            if (remaining == 0) {
                break;
            }
            long open = ((Number) row[1]).longValue();
            if (open <= 0) {
                continue;
            }
            long take = Math.min(open, remaining);
            Allocation allocation = new Allocation();
            allocation.payoutId = payout.id;
            allocation.commissionId = row[0] instanceof UUID id ? id : UUID.fromString(row[0].toString());
            allocation.position = made.size() + 1;
            allocation.amount = take;
            allocation.fullyPaid = take == open;
            allocation.persist();
            made.add(allocation);
            remaining -= take;
        }
        return new Result(made, remaining);
    }
}
