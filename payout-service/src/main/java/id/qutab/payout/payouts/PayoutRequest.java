package id.qutab.payout.payouts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** {@code POST /api/affiliate/payouts}: how much, in whole rupiah. */
public record PayoutRequest(@NotNull @Positive Long amount) {
}
