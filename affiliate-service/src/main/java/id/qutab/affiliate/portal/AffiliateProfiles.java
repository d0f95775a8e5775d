package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.affiliate.applications.SocialLinks;
import id.qutab.affiliate.applications.WhatsappNumber;
import id.qutab.affiliate.tiers.TierCatalog;
import id.qutab.affiliate.users.UserContacts;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.file.Path;
import java.util.UUID;

/** The affiliate's own profile: contact, bio, social links and photo. */
@ApplicationScoped
public class AffiliateProfiles {

    @Inject
    Affiliates affiliates;

    @Inject
    TierCatalog tiers;

    @Inject
    UserContacts contacts;

    @Inject
    ProfilePhotos photos;

    @Transactional
    public PortalViews.Profile view(UUID affiliateId) {
        return view(affiliates.findById(affiliateId));
    }

    @Transactional
    public PortalViews.Profile update(UUID affiliateId, ProfileUpdate update) {
        Affiliate a = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate account"));
        if (update.firstName() != null) {
            a.firstName = required("firstName", update.firstName());
        }
        if (update.lastName() != null) {
            a.lastName = required("lastName", update.lastName());
        }
        if (update.city() != null) {
            a.city = required("city", update.city());
        }
        if (update.whatsapp() != null) {
            a.whatsapp = WhatsappNumber.normalize(update.whatsapp())
                    .orElseThrow(() -> ProblemException.invalid("whatsapp", WhatsappNumber.MESSAGE));
        }
        if (update.bio() != null) {
            a.bio = update.bio().isBlank() ? null : update.bio().trim();
        }
        ProfileUpdate.Social s = update.socialLinks();
        if (s != null) {
            if (s.instagram() != null) {
                a.instagram = SocialLinks.handle(s.instagram());
            }
            if (s.tiktok() != null) {
                a.tiktok = SocialLinks.handle(s.tiktok());
            }
            if (s.facebook() != null) {
                a.facebook = SocialLinks.url(s.facebook());
            }
            if (s.youtube() != null) {
                a.youtube = SocialLinks.url(s.youtube());
            }
            if (s.website() != null) {
                a.website = SocialLinks.url(s.website());
            }
        }
        a.touch();
        return view(a);
    }

    /** Validates and stores the photo, then attaches it; the previous photo file goes once this commits. */
    public PortalViews.Profile attachPhoto(UUID affiliateId, Path upload, long size) {
        String file = photos.store(affiliateId, upload, size);
        try {
            return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> attach(affiliateId, file));
        } catch (RuntimeException e) {
            photos.deleteNow(file);
            throw e;
        }
    }

    private PortalViews.Profile attach(UUID affiliateId, String file) {
        Affiliate a = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate account"));
        photos.deleteAfterCommit(a.photoFile);
        a.photoFile = file;
        a.touch();
        return view(a);
    }

    @Transactional
    public void removePhoto(UUID affiliateId) {
        Affiliate a = affiliates.lock(affiliateId).orElseThrow(() -> ProblemException.notFound("Affiliate account"));
        photos.deleteAfterCommit(a.photoFile);
        a.photoFile = null;
        a.touch();
    }

    private PortalViews.Profile view(Affiliate a) {
        String email = contacts.emailOf(a.userId).orElse(null);
        return new PortalViews.Profile(a.id, a.userId, a.status.name(), a.code, tiers.nameOf(a.tierId), a.firstName,
                a.lastName, email, a.whatsapp, a.city, a.bio, SocialLinks.of(a),
                a.photoFile == null ? null : ProfilePhotos.OWN_URL);
    }

    private static String required(String field, String value) {
        if (value.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        return value.trim();
    }
}
