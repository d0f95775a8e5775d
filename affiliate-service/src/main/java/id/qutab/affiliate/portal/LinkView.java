package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.clicks.ReferralConfig;
import id.qutab.platform.web.FrontendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code GET /api/affiliate/link}: the affiliate's shareable link (the link base URL, else the frontend's). */
@ApplicationScoped
public class LinkView {

    @Inject
    FrontendConfig frontend;

    @Inject
    ReferralConfig referral;

    public PortalViews.Link link(Affiliate a) {
        String base = referral.linkBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s : s + "/").orElse(frontend.base());
        return new PortalViews.Link(a.code, base + "r/" + a.code, a.active());
    }
}
