package id.qutab.payout.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/** The affiliate's own bank account, as {@code GET /api/affiliate/bank-account} shows it: numbers masked. */
@RegisterForReflection
public record AccountView(String bankCode, String bankName, String accountNumber, String accountHolder, String nik,
                          VerificationStatus verificationStatus, String rejectionReason, boolean ktpUploaded,
                          Instant updatedAt, Instant verifiedAt) {
}
