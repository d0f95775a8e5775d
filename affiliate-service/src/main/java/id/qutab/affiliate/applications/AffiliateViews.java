package id.qutab.affiliate.applications;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.qutab.affiliate.tiers.Tier;
import id.qutab.affiliate.tiers.TierCatalog;
import id.qutab.affiliate.users.UserContact;
import id.qutab.affiliate.users.UserContacts;
import id.qutab.platform.web.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How admins see affiliates: list items and the detail with the whole application. */
@ApplicationScoped
public class AffiliateViews {

    @Inject
    TierCatalog tiers;

    @Inject
    UserContacts contacts;

    @RegisterForReflection
    public record Item(UUID id, UUID userId, String email, String firstName, String lastName, String city,
                       AffiliateStatus status, String code, String tier, Instant createdAt) {
    }

    @RegisterForReflection
    public record Application(String firstName, String lastName, String whatsapp, String instagram, String tiktok,
                              String city, String reason, Instant appliedAt, int applications) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(UUID id, UUID userId, String email, String name, String firstName, String lastName,
                         String city, AffiliateStatus status, String code, String tier, Integer tierBonusBps,
                         Instant createdAt, Application application, String rejectionReason, Instant rejectedAt,
                         Instant approvedAt, Instant suspendedAt, String suspensionReason, Instant tierChangedAt,
                         String bio, SocialLinks socialLinks, String photoUrl) {
    }

    public Page<Item> page(Page<Affiliate> page) {
        Map<UUID, Tier> tierById = tiers.byId();
        List<UUID> userIds = page.items().stream().map(a -> a.userId).toList();
        Map<UUID, UserContact> contactByUser = userIds.isEmpty() ? Map.of()
                : contacts.list("userId in ?1", userIds).stream()
                .collect(Collectors.toMap(c -> c.userId, Function.identity()));
        return page.map(a -> {
            UserContact contact = contactByUser.get(a.userId);
            Tier tier = a.tierId == null ? null : tierById.get(a.tierId);
            return new Item(a.id, a.userId, contact == null ? null : contact.email, a.firstName, a.lastName, a.city,
                    a.status, a.code, tier == null ? null : tier.name, a.createdAt);
        });
    }

    public Detail detail(Affiliate a) {
        UserContact contact = contacts.findById(a.userId);
        Tier tier = a.tierId == null ? null : tiers.findById(a.tierId);
        return new Detail(a.id, a.userId, contact == null ? null : contact.email, contact == null ? null : contact.name,
                a.firstName, a.lastName, a.city, a.status, a.code,
                tier == null ? null : tier.name, tier == null ? null : tier.bonusBps, a.createdAt,
                new Application(a.firstName, a.lastName, a.whatsapp, a.instagram, a.tiktok, a.city, a.reason,
                        a.appliedAt, a.applications),
                a.rejectionReason, a.rejectedAt, a.approvedAt, a.suspendedAt, a.suspensionReason, a.tierChangedAt,
                a.bio, SocialLinks.of(a), a.photoFile == null ? null : "/api/admin/affiliates/" + a.id + "/photo");
    }
}
