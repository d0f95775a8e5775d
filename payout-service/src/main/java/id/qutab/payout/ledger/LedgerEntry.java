package id.qutab.payout.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The ledger journal: each commission fact as received, once per (commission, kind), never rewritten. Its
 * {@code seq} is taken under the affiliate's lock, so it orders one affiliate's ledger changes; a payout records
 * the position it was decided at.
 */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "affiliate_id", nullable = false, updatable = false)
    public UUID affiliateId;

    @Column(name = "commission_id", nullable = false, updatable = false)
    public UUID commissionId;

    @Column(nullable = false, updatable = false)
    public String kind;

    @Column(nullable = false, updatable = false)
    public long amount;

    @Column(nullable = false, updatable = false)
    public String effect;

    @Column(updatable = false)
    public String reason;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    static boolean exists(UUID commissionId, CommissionFact.Kind kind) {
        return count("commissionId = ?1 and kind = ?2", commissionId, kind.name()) > 0;
    }

    /** The newest journal position of an affiliate (0 when nothing was recorded yet). */
    public static long positionOf(UUID affiliateId) {
        Long max = getEntityManager()
                .createQuery("select max(e.seq) from LedgerEntry e where e.affiliateId = :a", Long.class)
                .setParameter("a", affiliateId).getSingleResult();
        return max == null ? 0 : max;
    }
}
