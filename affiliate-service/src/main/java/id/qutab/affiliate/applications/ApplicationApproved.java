package id.qutab.affiliate.applications;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/** {@code affiliate.application.approved} (aggregate: the affiliate id) → commerce and payout. */
@RegisterForReflection
public record ApplicationApproved(UUID affiliateId, UUID userId, String code, Instant approvedAt) {

    public static final String TYPE = "affiliate.application.approved";
}
