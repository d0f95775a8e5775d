package id.qutab.payout.balances;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code GET /api/affiliate/balance}: computed from the ledger and the payouts on every read, never stored. */
@RegisterForReflection
@JsonPropertyOrder({"pending", "available", "reserved", "paidOut"})
public record Balance(long pending, long available, long reserved, long paidOut) {

    public static final Balance ZERO = new Balance(0, 0, 0, 0);
}
