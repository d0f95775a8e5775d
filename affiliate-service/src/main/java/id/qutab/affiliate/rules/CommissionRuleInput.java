package id.qutab.affiliate.rules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code {category, rateBps?, flatAmountPerUnit?, active?}}: exactly one of {@code rateBps} (0–10000) and
 * {@code flatAmountPerUnit} (rupiah per unit).
 */
public record CommissionRuleInput(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,30}", message = "must be 2 to 30 lower-case letters, digits or dashes")
        String category,
        @Min(0) @Max(10000) Integer rateBps,
        @Min(0) @Max(1_000_000_000) Long flatAmountPerUnit,
        Boolean active) {
}
