package id.qutab.commerce.loyalty;

/** The kinds of {@code loyalty_entry} (API.md "Loyalty" history {@code type}). Credits are positive, debits negative. */
public enum LoyaltyEntryType {
    /** points for a completed order */
    EARN,
    /** points spent on a reward */
    REDEEM,
    /** an earned order was refunded: its points come back off */
    REVERSE,
    /** unspent points older than the expiry period */
    EXPIRE,
    /** an admin's correction, with a reason and the admin's id */
    ADJUST,
    /** a redemption given back (its order was cancelled or expired) */
    RETURN
}
