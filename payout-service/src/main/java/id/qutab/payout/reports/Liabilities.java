package id.qutab.payout.reports;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /api/admin/reports/liabilities}: what the program owes now, in whole rupiah. The API.md fields first;
 * {@code paidOut}, {@code negativeTotal}, {@code affiliates}, {@code month} and {@code asOf} are additions.
 *
 * <p>{@code available} is the sum of the positive available balances only: an affiliate's debt (a clawback larger
 * than what they had available) is not money the program owes, and netting it against other affiliates' balances
 * would understate what must be paid. The debts are listed in {@code negativeBalances} and summed in
 * {@code negativeTotal}, so Σ every affiliate's available = {@code available + negativeTotal}.
 */
@RegisterForReflection
@JsonPropertyOrder({"pending", "available", "reserved", "paidThisMonth", "negativeBalances", "payoutsAwaitingApproval",
        "payoutsAwaitingTransfer", "paidOut", "negativeTotal", "affiliates", "month", "asOf"})
public record Liabilities(long pending, long available, long reserved, long paidThisMonth,
                          List<NegativeBalance> negativeBalances, Queue payoutsAwaitingApproval,
                          Queue payoutsAwaitingTransfer, long paidOut, long negativeTotal, int affiliates, String month,
                          Instant asOf) {

    /** An affiliate whose available balance is below zero; {@code amount} is that (negative) balance. */
    @RegisterForReflection
    public record NegativeBalance(UUID affiliateId, long amount) {
    }

    /** Payouts waiting in one status: how many, their sum, and since when the oldest waits (null when none). */
    @RegisterForReflection
    public record Queue(long count, long amount, Instant oldestAt) {
    }
}
