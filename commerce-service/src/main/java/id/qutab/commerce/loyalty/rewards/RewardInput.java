package id.qutab.commerce.loyalty.rewards;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * Body of {@code POST/PUT /api/admin/loyalty/rewards[/{id}]} (PUT takes the full body). {@code value} is rupiah;
 * {@code stock} how many may be redeemed in all (null = unlimited); {@code active} defaults to true.
 */
public record RewardInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters") String name,
        @Size(max = 2000) @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "must not contain control characters") String description,
        @NotNull @Min(1) @Max(1_000_000_000L) Long pointsCost,
        @NotNull Reward.Kind kind,
        @NotNull @Min(1) @Max(10_000_000_000L) Long value,
        @Min(0) @Max(1_000_000_000L) Integer stock,
        Instant validFrom,
        Instant validUntil,
        Boolean active) {

    @AssertTrue(message = "validFrom must be before validUntil")
    public boolean isValidityWindow() {
        return validFrom == null || validUntil == null || validFrom.isBefore(validUntil);
    }
}
