package id.qutab.payout.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One commission in the ledger projection, with its latest known state. {@link #apply} is the order-tolerant
 * state machine: whatever order the events arrive in, the row ends in the state of the latest transition.
 */
@Entity
@Table(name = "ledger_commission")
public class LedgerCommission extends PanacheEntityBase {

    @Id
    @Column(name = "commission_id")
    public UUID commissionId;

    @Column(name = "affiliate_id", nullable = false, updatable = false)
    public UUID affiliateId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(nullable = false)
    public long amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommissionState state;

    @Column(name = "rate_bps")
    public Integer rateBps;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    @Column(name = "available_at")
    public Instant availableAt;

    @Column(name = "voided_at")
    public Instant voidedAt;

    @Column(name = "void_reason")
    public String voidReason;

    @Column(name = "clawback_amount")
    public Long clawbackAmount;

    @Column(name = "clawback_reason")
    public String clawbackReason;

    @Column(name = "clawed_back_at")
    public Instant clawedBackAt;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    public Instant firstSeenAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The first fact seen about a commission, whichever it is. */
    static LedgerCommission first(CommissionFact fact, Instant now) {
        LedgerCommission c = new LedgerCommission();
        c.commissionId = fact.commissionId();
        c.affiliateId = fact.affiliateId();
        c.amount = fact.amount();
        c.state = CommissionState.PENDING;
        c.earnedAt = fact.createdAt() != null ? fact.createdAt() : now;
        c.firstSeenAt = now;
        c.apply(fact, now);
        return c;
    }

    /**
     * Applies a fact; true when it moved the state forward. A stale fact (its state is not after the current
     * one) changes no state, but may fill in what was not known yet (order, rate, creation time, the amount
     * when only a terminal event had been seen).
     */
    boolean apply(CommissionFact fact, Instant now) {
        boolean moves = fact.kind().target.isAfter(state) || (fact.kind() == CommissionFact.Kind.CREATED && isNew());
        Instant at = fact.at() != null ? fact.at() : fact.occurredAt() != null ? fact.occurredAt() : now;
        fillIn(fact, at);
        if (!moves) {
            return false;
        }
        state = fact.kind().target;
        switch (fact.kind()) {
            case CREATED, MATURED -> amount = fact.amount();
            case VOIDED -> {
                voidedAt = at;
                voidReason = fact.reason();
            }
            case CLAWBACK -> {
                clawbackAmount = fact.amount();
                clawbackReason = fact.reason();
                clawedBackAt = at;
            }
        }
        updatedAt = now;
        return true;
    }

    private boolean isNew() {
        return updatedAt == null;
    }

    private void fillIn(CommissionFact fact, Instant at) {
        if (orderId == null) {
            orderId = fact.orderId();
        }
        if (rateBps == null) {
            rateBps = fact.rateBps();
        }
        if (fact.createdAt() != null) {
            earnedAt = fact.createdAt();
        }
        // The commission's own amount comes from created/matured; a row first made by a terminal event took the
        // voided/clawed-back amount until then. Matured carries the final amount.
        if (fact.kind() == CommissionFact.Kind.MATURED
                || (fact.kind() == CommissionFact.Kind.CREATED && availableAt == null)) {
            amount = fact.amount();
        }
        if (fact.kind() == CommissionFact.Kind.MATURED && availableAt == null) {
            availableAt = at;
        }
    }
}
