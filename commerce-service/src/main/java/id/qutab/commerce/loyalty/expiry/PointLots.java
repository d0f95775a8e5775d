package id.qutab.commerce.loyalty.expiry;

import id.qutab.commerce.loyalty.LoyaltyConfig;
import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.platform.persistence.Sql;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The FIFO view of a customer's ledger that expiry needs. Every credit (EARN net of its own REVERSE, a positive
 * ADJUST, a RETURN) is a lot dated when it was credited; every other debit (REDEEM, EXPIRE, a negative ADJUST)
 * consumes the oldest lots first, whenever it happened (a debit made while the balance was negative consumes the
 * next credits: that is the netting). A reversal takes back its own order's lot, not the oldest one, so refunding
 * a new order never hastens the expiry of older points. What is left of a lot expires {@code expiry-months} after
 * it was credited. The job and the customer's "expiring" list compute it the same way, here.
 */
@ApplicationScoped
public class PointLots {

    @Inject
    EntityManager em;

    @Inject
    LoyaltyConfig config;

    @Inject
    LoyaltyLedger ledger;

    /** What remains of one credit after FIFO consumption, and when it expires. */
    public record Lot(Instant credited, Instant expiresAt, long remaining) {
    }

    @RegisterForReflection
    public record Expiring(long points, LocalDate on) {
    }

    public Instant expiresAt(Instant credited) {
        return credited.atZone(zone()).plusMonths(config.expiryMonths()).toInstant();
    }

    public ZoneId zone() {
        return ZoneId.of(config.zone());
    }

    /** The lots with something left, oldest first. */
    public List<Lot> lots(UUID userId) {
        List<Object[]> credits = Sql.rows(em, """
                SELECT e.created_at, e.points + COALESCE(r.points, 0)
                FROM loyalty_entry e
                LEFT JOIN loyalty_entry r ON e.type = 'EARN' AND r.type = 'REVERSE' AND r.order_id = e.order_id
                WHERE e.user_id = ?1 AND e.points > 0
                ORDER BY e.created_at, e.id""", userId);
        long balance = ledger.balance(userId);
        long credited = 0;
        for (Object[] c : credits) {
            credited += Sql.longValue(c[1]);
        }
        // everything credited minus what is left = what the FIFO debits consumed
        long consumed = credited - balance;
        List<Lot> lots = new ArrayList<>();
        for (Object[] c : credits) {
            long amount = Sql.longValue(c[1]);
            if (amount <= 0) {
                continue;
            }
            long taken = Math.min(amount, Math.max(consumed, 0));
            consumed -= taken;
            if (amount - taken > 0) {
                Instant at = Sql.instant(c[0]);
                lots.add(new Lot(at, expiresAt(at), amount - taken));
            }
        }
        return lots;
    }

    /** Points whose expiry date has come by {@code now}: what the job expires. */
    public long due(List<Lot> lots, Instant now) {
        return lots.stream().filter(l -> !l.expiresAt().isAfter(now)).mapToLong(Lot::remaining).sum();
    }

    /** The upcoming expiries, per day (in {@code qutab.loyalty.zone}), soonest first. */
    public List<Expiring> upcoming(UUID userId, Instant now) {
        Map<LocalDate, Long> byDay = new TreeMap<>();
        for (Lot l : lots(userId)) {
            if (l.expiresAt().isAfter(now)) {
                byDay.merge(l.expiresAt().atZone(zone()).toLocalDate(), l.remaining(), Long::sum);
            }
        }
        return byDay.entrySet().stream().map(e -> new Expiring(e.getValue(), e.getKey())).toList();
    }
}
