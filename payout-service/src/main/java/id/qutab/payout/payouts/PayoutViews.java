package id.qutab.payout.payouts;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.qutab.platform.privacy.Masking;
import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.payout.ledger.LedgerCommission;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What payouts look like to their affiliate and to admins. */
@ApplicationScoped
public class PayoutViews {

    @Inject
    BankCatalog banks;

    /**
     * A payout as its affiliate sees it (account number masked). {@code commissions} only on the single-payout
     * answer, once paid.
     */
    @RegisterForReflection
    public record PayoutView(UUID id, long amount, PayoutStatus status, String bankCode, String bankName,
                             String accountNumber, Instant requestedAt, Instant approvedAt, Instant paidAt,
                             String transferReference, Instant failedAt, String failureReason, Instant rejectedAt,
                             String rejectionReason,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<CommissionLine> commissions) {
    }

    @RegisterForReflection
    public record AdminPayoutView(UUID id, UUID affiliateId, UUID accountId, long amount, PayoutStatus status,
                                  String bankCode, String bankName, String clearingCode, String accountNumber,
                                  String accountHolder, long availableBefore, Instant requestedAt,
                                  Instant approvedAt, UUID approvedBy, Instant paidAt, UUID paidBy,
                                  String transferReference, Long unallocatedAmount, Instant failedAt,
                                  String failureReason, Instant rejectedAt, String rejectionReason,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) List<CommissionLine> commissions) {
    }

    /** One commission a paid payout covered, and how much of it. */
    @RegisterForReflection
    public record CommissionLine(UUID commissionId, UUID orderId, Instant earnedAt, long commissionAmount,
                                 long allocatedAmount, boolean fullyPaid) {
    }

    public PayoutView of(Payout p, boolean withCommissions) {
        return new PayoutView(p.id, p.amount, p.status, p.bankCode, banks.nameOf(p.bankCode),
                Masking.lastFour(p.accountNumber), p.requestedAt, p.approvedAt, p.paidAt, p.transferReference,
                p.failedAt, p.failureReason, p.rejectedAt, p.rejectionReason,
                withCommissions ? commissionsOf(p) : null);
    }

    public AdminPayoutView admin(Payout p, boolean withCommissions) {
        Bank bank = banks.byCode(p.bankCode).orElse(null);
        return new AdminPayoutView(p.id, p.affiliateId, p.accountId, p.amount, p.status, p.bankCode,
                bank == null ? p.bankCode : bank.name(), bank == null ? null : bank.clearingCode(), p.accountNumber,
                p.accountHolder, p.availableBefore, p.requestedAt, p.approvedAt, p.approvedBy, p.paidAt, p.paidBy,
                p.transferReference, p.unallocatedAmount, p.failedAt, p.failureReason, p.rejectedAt,
                p.rejectionReason, withCommissions ? commissionsOf(p) : null);
    }

    public List<CommissionLine> commissionsOf(Payout p) {
        List<CommissionLine> lines = new ArrayList<>();
        for (Allocation a : Allocation.of(p.id)) {
            LedgerCommission c = LedgerCommission.findById(a.commissionId);
            lines.add(new CommissionLine(a.commissionId, c.orderId, c.earnedAt, c.amount, a.amount, a.fullyPaid));
        }
        return lines;
    }
}
