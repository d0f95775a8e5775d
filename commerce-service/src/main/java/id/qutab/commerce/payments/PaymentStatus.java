package id.qutab.commerce.payments;

/** PENDING (invoice open), PAID, EXPIRED, or AMOUNT_MISMATCH (paid, but not the order total: flagged for admins). */
public enum PaymentStatus { PENDING, PAID, EXPIRED, AMOUNT_MISMATCH }
