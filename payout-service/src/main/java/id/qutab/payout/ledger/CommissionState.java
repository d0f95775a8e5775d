package id.qutab.payout.ledger;

/**
 * A commission's state as this service knows it. States only move to a higher rank, so a late or repeated event
 * never undoes a later one: PENDING (1) → AVAILABLE (2) → VOIDED | CLAWED_BACK (3, terminal, first one wins).
 */
public enum CommissionState {
    PENDING(1), AVAILABLE(2), VOIDED(3), CLAWED_BACK(3);

    private final int rank;

    CommissionState(int rank) {
        this.rank = rank;
    }

    public boolean isAfter(CommissionState other) {
        return rank > other.rank;
    }
}
