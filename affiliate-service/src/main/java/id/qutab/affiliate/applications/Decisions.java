package id.qutab.affiliate.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the admin decisions. */
public final class Decisions {

    private Decisions() {
    }

    /** {@code POST /api/admin/affiliates/{id}/approve}: optional custom code (4–20 letters or digits). */
    public record Approve(@Size(max = 40) String code) {
    }

    public record Reject(@NotBlank @Size(max = 500) String reason) {
    }

    public record Suspend(@NotBlank @Size(max = 500) String reason) {
    }
}
