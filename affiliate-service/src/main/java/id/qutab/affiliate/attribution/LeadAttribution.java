package id.qutab.affiliate.attribution;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.affiliate.codes.ReferralCodeGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * Who, if anyone, an order is attributed to. Decided once per order, from the first event that carries the
 * attribution (created, or paid when it comes first — both carry the same attribution from commerce):
 * <ol>
 *   <li>a coupon owned by an affiliate wins over a referral link;</li>
 *   <li>otherwise the referral code (from the link's cookie or given at checkout);</li>
 *   <li>an unknown code or affiliate, or one not approved (pending, rejected, suspended) → nothing;</li>
 *   <li>the buyer is the affiliate's own user → a self-referral: nothing earned, flagged for review.</li>
 * </ol>
 * There is no fallback from a coupon of a suspended affiliate to a link: commerce chose the coupon.
 */
@ApplicationScoped
public class LeadAttribution {

    @Inject
    Affiliates affiliates;

    public void decide(TrackedOrder order) {
        Optional<Affiliate> candidate;
        Lead.Source source;
        if (order.couponAffiliateId != null) {
            candidate = affiliates.findByIdOptional(order.couponAffiliateId);
            source = Lead.Source.COUPON;
        } else if (order.referralCode != null) {
            candidate = ReferralCodeGenerator.plausible(order.referralCode)
                    ? affiliates.byCode(order.referralCode) : Optional.empty();
            if (candidate.isEmpty() && order.referralAffiliateId != null) {
                candidate = affiliates.findByIdOptional(order.referralAffiliateId);
            }
            source = Lead.Source.LINK;
        } else if (order.referralAffiliateId != null) {
            candidate = affiliates.findByIdOptional(order.referralAffiliateId);
            source = Lead.Source.LINK;
        } else {
            none(order, "no-referral");
            return;
        }
        if (candidate.isEmpty()) {
            none(order, "unknown-affiliate");
            return;
        }
        Affiliate affiliate = candidate.get();
        order.affiliateId = affiliate.id;
        order.source = source;
        if (order.userId != null && order.userId.equals(affiliate.userId)) {
            order.outcome = TrackedOrder.Outcome.SELF_REFERRAL;
            order.outcomeReason = "buyer-is-affiliate";
            return;
        }
        if (!affiliate.active()) {
            order.outcome = TrackedOrder.Outcome.NONE;
            order.outcomeReason = "affiliate-" + affiliate.status.name().toLowerCase(Locale.ROOT);
            return;
        }
        order.outcome = TrackedOrder.Outcome.AFFILIATE;
        order.outcomeReason = null;
    }

    private static void none(TrackedOrder order, String reason) {
        order.outcome = TrackedOrder.Outcome.NONE;
        order.outcomeReason = reason;
        order.affiliateId = null;
        order.source = null;
    }
}
