package id.qutab.affiliate.portal;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.attribution.Lead;
import id.qutab.affiliate.attribution.LeadStatus;
import id.qutab.affiliate.attribution.Leads;
import id.qutab.affiliate.commissions.Commission;
import id.qutab.platform.privacy.Masking;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Map;
import java.util.UUID;

/** {@code GET /api/affiliate/referrals}: the affiliate's leads with their commission, customer names masked. */
@ApplicationScoped
public class ReferralsView {

    @Inject
    Leads leads;

    @Inject
    PortalReads reads;

    @Transactional
    public Page<PortalViews.Referral> referrals(Affiliate a, LeadStatus status, PageRequest page) {
        Page<Lead> found = leads.ofAffiliate(a.id, status, page);
        Map<UUID, Commission> byOrder = reads.commissionsOf(a.id, found.items().stream().map(l -> l.orderId).toList());
        Map<UUID, String> names = reads.accountNames(found.items());
        return found.map(l -> {
            Commission c = byOrder.get(l.orderId);
            return new PortalViews.Referral(l.id, l.orderId, l.orderNumber, Masking.name(PortalReads.customerName(l, names)),
                    l.status.name(), l.source.name(), l.orderTotal, c == null ? null : c.amount,
                    c == null ? null : c.status.name(), l.occurredAt, l.confirmedAt, l.paidOutAt, l.cancelledAt);
        });
    }
}
