package id.qutab.affiliate.tiers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code {name, minSales90d, bonusBps}}. */
public record TierInput(@NotBlank @Size(max = 40) String name,
                        @NotNull @Min(0) @Max(1_000_000_000_000L) Long minSales90d,
                        @NotNull @Min(0) @Max(10000) Integer bonusBps) {
}
