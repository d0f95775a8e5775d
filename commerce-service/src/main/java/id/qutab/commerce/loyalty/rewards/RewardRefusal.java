package id.qutab.commerce.loyalty.rewards;

import id.qutab.platform.problem.ProblemException;

/**
 * Why a redemption is refused. All are 422 (a business rule, the request itself was well formed), with the slug as
 * the problem type: the client reads the slug, not the status (README "Loyalty rewards").
 */
public enum RewardRefusal {
    NOT_FOUND("reward-not-found", "This reward does not exist."),
    INACTIVE("reward-inactive", "This reward is no longer offered."),
    NOT_STARTED("reward-not-started", "This reward cannot be redeemed yet."),
    EXPIRED("reward-expired", "This reward can no longer be redeemed."),
    OUT_OF_STOCK("reward-out-of-stock", "This reward is out of stock."),
    NOT_ENOUGH_POINTS("not-enough-points", "You do not have enough points for this reward."),
    AT_CHECKOUT_ONLY("reward-at-checkout", "This discount is redeemed at checkout: send pointsRedemption with the order."),
    NOT_AT_CHECKOUT("reward-not-a-discount", "This reward issues a coupon: redeem it from the rewards page, then use the coupon."),
    NOTHING_TO_DISCOUNT("reward-nothing-to-discount", "Nothing is left to pay on this order for the points to discount.");

    public final String slug;
    public final String detail;

    RewardRefusal(String slug, String detail) {
        this.slug = slug;
        this.detail = detail;
    }

    public ProblemException problem() {
        return ProblemException.rule(slug, detail);
    }
}
