package id.qutab.payout.accounts;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** An account as admins review it: numbers unmasked, NIK included (to compare with the KTP). */
@RegisterForReflection
public record AdminAccountView(UUID id, UUID affiliateId, UUID userId, String affiliateCode, String bankCode,
                               String bankName, String clearingCode, String accountNumber, String accountHolder,
                               String nik, VerificationStatus verificationStatus, String rejectionReason,
                               boolean ktpUploaded, Instant ktpUploadedAt, int detailsVersion,
                               Instant detailsUpdatedAt, Instant verifiedAt, UUID verifiedBy, Instant rejectedAt,
                               Instant openedAt) {
}
