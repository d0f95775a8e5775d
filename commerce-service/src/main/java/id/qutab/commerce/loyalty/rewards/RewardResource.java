package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.orders.OrderResource;
import id.qutab.platform.security.CurrentUser;
import id.qutab.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

/** The customer's side of the catalogue (API.md "Loyalty"). */
@Path("/api/loyalty/rewards")
@RolesAllowed({Roles.CUSTOMER, Roles.AFFILIATE})
@Produces(MediaType.APPLICATION_JSON)
public class RewardResource {

    @Inject
    RewardCatalogue catalogue;

    @Inject
    RewardRedemption redemption;

    @Inject
    CurrentUser user;

    /** What the caller can redeem now: active, within validity, in stock, and no dearer than the balance. */
    @GET
    public List<AvailableReward> available() {
        return catalogue.available(user.id());
    }

    public record RedeemResponse(UUID redemptionId, String couponCode) {
    }

    /**
     * No body. 201 {@code {redemptionId, couponCode}}; a repeat with the same {@code Idempotency-Key}: 200 with the
     * first answer (header {@code Idempotent-Replayed: true}), as {@code POST /api/orders}. Refusals are 422.
     */
    @POST
    @Path("/{id}/redeem")
    public Response redeem(@PathParam("id") UUID rewardId,
                           @HeaderParam(OrderResource.IDEMPOTENCY_KEY) String idempotencyKey) {
        RewardRedemption.Redeemed r = redemption.redeem(user.id(), rewardId, idempotencyKey);
        Response.ResponseBuilder response = r.replayed() ? Response.ok().header("Idempotent-Replayed", "true")
                : Response.status(Response.Status.CREATED);
        return response.entity(new RedeemResponse(r.redemptionId(), r.couponCode())).build();
    }
}
