package id.qutab.commerce.coupons;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Instant;
import java.util.UUID;

/** Body of {@code POST/PUT /api/admin/coupons[/{id}]}. {@code discountValue} is percent (1..100) or rupiah. */
public record CouponInput(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{3,40}", message = "3 to 40 letters, digits, - or _") String code,
        @NotNull Coupon.DiscountType discountType,
        @NotNull @Min(1) @Max(10_000_000_000L) Long discountValue,
        @Min(0) Long minPurchase,
        @Min(1) Long maxDiscount,
        Instant validFrom,
        Instant validUntil,
        @Min(1) Integer usageLimit,
        @Min(1) Integer perCustomerLimit,
        UUID affiliateId,
        Boolean active) {

    @AssertTrue(message = "a percent discount is between 1 and 100")
    public boolean isPercentInRange() {
        return discountType != Coupon.DiscountType.PERCENT || discountValue == null || discountValue <= 100;
    }

    @AssertTrue(message = "validFrom must be before validUntil")
    public boolean isValidityWindow() {
        return validFrom == null || validUntil == null || validFrom.isBefore(validUntil);
    }
}
