package id.qutab.affiliate.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;

/**
 * The applicant's view of their application: {@code status} is PENDING, APPROVED or REJECTED (a suspended
 * affiliate's application stays APPROVED, with {@code suspended: true}).
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationView(String status, String rejectionReason, String code, Instant appliedAt,
                              Instant decidedAt, Instant reapplyAfter, Boolean suspended) {

    public static ApplicationView of(Affiliate a, ApplicationConfig config) {
        return switch (a.status) {
            case PENDING -> new ApplicationView("PENDING", null, null, a.appliedAt, null, null, null);
            case REJECTED -> new ApplicationView("REJECTED", a.rejectionReason, null, a.appliedAt, a.rejectedAt,
                    a.rejectedAt == null ? null : a.rejectedAt.plus(config.reapplyCooldown()), null);
            case APPROVED -> new ApplicationView("APPROVED", null, a.code, a.appliedAt, a.approvedAt, null, false);
            case SUSPENDED -> new ApplicationView("APPROVED", null, a.code, a.appliedAt, a.approvedAt, null, true);
        };
    }
}
