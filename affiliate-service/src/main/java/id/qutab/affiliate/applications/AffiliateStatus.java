package id.qutab.affiliate.applications;

import id.qutab.platform.problem.ProblemException;

import java.util.Arrays;

/**
 * PENDING (applied) → APPROVED (has a code, earns) or REJECTED (may apply again after the cool-down);
 * APPROVED ⇄ SUSPENDED (admin: the link still redirects but sets no cookie, nothing new is earned).
 */
public enum AffiliateStatus {
    PENDING, APPROVED, REJECTED, SUSPENDED;

    /** {@code ?status=} as given by a client: unknown values are a 400, not an empty list. */
    public static AffiliateStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "must be one of PENDING, APPROVED, REJECTED, SUSPENDED"));
    }

    /** Approved once: has a code, a portal, a history (suspended affiliates keep read access). */
    public boolean hasBeenApproved() {
        return this == APPROVED || this == SUSPENDED;
    }
}
