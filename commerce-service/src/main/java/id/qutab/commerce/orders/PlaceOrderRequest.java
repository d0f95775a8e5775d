package id.qutab.commerce.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /api/orders}. */
public record PlaceOrderRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Item> items,
        @NotNull @Valid Recipient recipient,
        @Size(max = 40) String couponCode,
        @Size(max = 64) String referralCode,
        // left out of the JSON when absent, so the idempotency hash of an order without points is what it was before
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid PointsRedemption pointsRedemption) {

    /** Spend points on a DISCOUNT reward of the loyalty catalogue: a discount on this order. */
    public record PointsRedemption(@NotNull UUID rewardId) {
    }

    public record Item(@NotNull UUID productId,
                       @NotNull @Min(1) @Max(100) Integer quantity,
                       @Size(max = 700) List<String> onBehalfOf) {
    }

    public record Recipient(@NotBlank @Size(max = 100) String name,
                            @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "must be a phone number") String phone,
                            @NotBlank @Size(max = 500) String location,
                            @Size(max = 1000) String notes) {
    }
}
