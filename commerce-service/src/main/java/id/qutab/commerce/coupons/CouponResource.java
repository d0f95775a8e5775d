package id.qutab.commerce.coupons;

import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The checkout page asks whether a code applies to a subtotal: always 200, {@code valid} says. */
@Path("/api/coupons")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponResource {

    @Inject
    CouponRedemption redemption;

    @Inject
    CurrentUser user;

    public record ValidateRequest(@NotBlank @Size(max = 40) String code,
                                  @NotNull @Min(0) @Max(1_000_000_000_000L) Long subtotal) {
    }

    /** {@code reason} is the refusal's slug (e.g. {@code coupon-min-purchase}); {@code detail} says it in words. */
    public record ValidateResponse(boolean valid, long discount, String code, String reason, String detail) {
    }

    @POST
    @Path("/validate")
    public ValidateResponse validate(@Valid @NotNull ValidateRequest request) {
        CouponTerms.Evaluation e = redemption.check(request.code(), user.id(), request.subtotal());
        return e.valid()
                ? new ValidateResponse(true, e.discount(), Coupon.normalize(request.code()), null, null)
                : new ValidateResponse(false, 0, Coupon.normalize(request.code()), e.refusal().slug, e.refusal().detail);
    }
}
