package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.clicks.ReferralConfig;
import id.qutab.platform.web.FrontendConfig;
import id.qutab.platform.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code GET /api/affiliate/link}: the affiliate's shareable link (the link base URL, else the frontend's) and share
 * links for WhatsApp, Facebook and X built from it and {@code qutab.referral.share-text}.
 */
@ApplicationScoped
public class LinkView {

    @Inject
    FrontendConfig frontend;

    @Inject
    ReferralConfig referral;

    public PortalViews.Link link(Affiliate a) {
        String base = referral.linkBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s : s + "/").orElse(frontend.base());
        String url = base + "r/" + a.code;
        return new PortalViews.Link(a.code, url, a.active(), share(referral.shareText().trim(), url));
    }

    /**
     * wa.me without a number opens the contact picker with the text (which must carry the URL: WhatsApp has no
     * separate URL field). Facebook's sharer takes only the URL (its text parameters are ignored). X: the
     * {@code twitter.com/intent/tweet} Web Intent, the documented form that x.com and the mobile apps still honour
     * (x.com/intent/post is undocumented).
     */
    static PortalViews.Share share(String text, String url) {
        return new PortalViews.Share(
                "https://wa.me/?text=" + Urls.queryValue(text + " " + url),
                "https://www.facebook.com/sharer/sharer.php?u=" + Urls.queryValue(url),
                "https://twitter.com/intent/tweet?text=" + Urls.queryValue(text) + "&url=" + Urls.queryValue(url));
    }
}
