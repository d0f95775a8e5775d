package id.qutab.payout.payouts;

import java.util.EnumSet;
import java.util.Set;

/** {@code REQUESTED → APPROVED → PAID}, or {@code → FAILED} / {@code REJECTED} from either open state. */
public enum PayoutStatus {
    REQUESTED, APPROVED, PAID, FAILED, REJECTED;

    /** Open payouts reserve their amount; at most one per affiliate. */
    public static final Set<PayoutStatus> OPEN = EnumSet.of(REQUESTED, APPROVED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
