package id.qutab.affiliate.attribution;

import id.qutab.platform.problem.ProblemException;

import java.util.Arrays;

/**
 * PENDING (ordered, not paid) → CONFIRMED (paid) → PAID (its commission was paid out). CANCELLED (an extension of
 * API.md) when the order was cancelled, expired or refunded.
 */
public enum LeadStatus {
    PENDING, CONFIRMED, PAID, CANCELLED;

    public static LeadStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "must be one of PENDING, CONFIRMED, PAID, CANCELLED"));
    }
}
