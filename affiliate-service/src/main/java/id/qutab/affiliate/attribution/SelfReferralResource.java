package id.qutab.affiliate.attribution;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code GET /api/admin/affiliates/self-referrals?affiliateId=&page=&size=}: orders affiliates placed through themselves. */
@Path("/api/admin/affiliates/self-referrals")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SelfReferralResource {

    @Inject
    Affiliates affiliates;

    @Inject
    SelfReferrals selfReferrals;

    @RegisterForReflection
    public record Item(UUID orderId, String orderNumber, UUID affiliateId, String affiliateCode, String affiliateName,
                       UUID userId, Lead.Source source, String couponCode, Long orderTotal, Instant flaggedAt) {
    }

    @GET
    @Transactional
    public Page<Item> list(@QueryParam("affiliateId") UUID affiliateId, @QueryParam("page") Integer page,
                           @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        PanacheQuery<SelfReferral> query = selfReferrals.newestFirst(affiliateId);
        List<SelfReferral> items = query.page(request.page(), request.size()).list();
        List<UUID> ids = items.stream().map(s -> s.affiliateId).distinct().toList();
        Map<UUID, Affiliate> byId = ids.isEmpty() ? Map.of()
                : affiliates.list("id in ?1", ids).stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
        return new Page<>(items.stream().map(s -> {
            Affiliate a = byId.get(s.affiliateId);
            return new Item(s.orderId, s.orderNumber, s.affiliateId, a == null ? null : a.code,
                    a == null ? null : (a.firstName + " " + a.lastName).trim(), s.userId, s.source, s.couponCode,
                    s.orderTotal, s.flaggedAt);
        }).toList(), request.page(), request.size(), query.count());
    }
}
