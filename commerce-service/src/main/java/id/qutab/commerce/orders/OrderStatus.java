package id.qutab.commerce.orders;

/** API.md: PENDING_PAYMENT → PAID → PROCESSING → DISTRIBUTED → COMPLETED; side exits CANCELLED, EXPIRED, REFUNDED. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, PROCESSING, DISTRIBUTED, COMPLETED, CANCELLED, EXPIRED, REFUNDED;

    public boolean isPaidOrLater() {
        return this == PAID || this == PROCESSING || this == DISTRIBUTED || this == COMPLETED || this == REFUNDED;
    }
}
