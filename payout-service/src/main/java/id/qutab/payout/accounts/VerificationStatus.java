package id.qutab.payout.accounts;

/**
 * Where an account's bank details stand. {@code UNVERIFIED}: details or KTP still missing. {@code PENDING}:
 * both present, waiting for an admin. {@code VERIFIED}: payouts may be requested. {@code REJECTED}: an admin
 * refused them (reason given); any change of details or KTP puts the account back in the queue.
 */
public enum VerificationStatus {
    UNVERIFIED, PENDING, VERIFIED, REJECTED
}
