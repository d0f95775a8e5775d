package id.qutab.commerce.attribution;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.UUID;

/**
 * Who brought the order (EVENTS.md): a coupon owned by an affiliate wins over a referral link; a link counts
 * only when its code belongs to an approved affiliate
 * ({@code referralAffiliateId} is that affiliate, kept even when a coupon wins, for self-referral checks). {@code affiliateId} is the affiliate credited, if any.
 */
@RegisterForReflection
public record OrderAttribution(String referralCode, String clickId, UUID referralAffiliateId, String couponCode,
                          UUID couponAffiliateId, Source source, UUID affiliateId) {

    public enum Source { COUPON, LINK, NONE }
}
