package id.qutab.affiliate.commissions;

import id.qutab.platform.problem.ProblemException;

import java.util.Arrays;

/**
 * PENDING (order paid) → AVAILABLE (order completed and hold-days passed) → PAID (paid out by payout-service).
 * PENDING/AVAILABLE → VOIDED when the order is cancelled, expired or refunded. A refund of a PAID commission
 * leaves it PAID and adds a clawback.
 */
public enum CommissionStatus {
    PENDING, AVAILABLE, PAID, VOIDED;

    public static CommissionStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "must be one of PENDING, AVAILABLE, PAID, VOIDED"));
    }
}
