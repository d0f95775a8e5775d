package id.qutab.commerce.catalog;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST/PUT /api/admin/products[/{id}]}; PUT replaces every field but an absent {@code aqiqah}. */
public record ProductInput(
        @NotBlank @Size(max = 120) String name,
        @NotNull Category category,
        @Size(max = 5000) String description,
        @NotNull @Min(1) @Max(10_000_000_000L) Long price,
        @Min(0) @Max(5000) Integer weightMin,
        @Min(0) @Max(5000) Integer weightMax,
        @NotNull @Min(0) @Max(1_000_000) Integer stock,
        Boolean active,
        // Optional: absent on create means false, absent on update keeps the product's value (older clients).
        Boolean aqiqah) {

    @AssertTrue(message = "weightMin must not be more than weightMax")
    public boolean isWeightRange() {
        return weightMin == null || weightMax == null || weightMin <= weightMax;
    }
}
