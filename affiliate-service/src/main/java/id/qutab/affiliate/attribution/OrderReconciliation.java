package id.qutab.affiliate.attribution;

import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.CommissionCreation;
import id.qutab.affiliate.commissions.CommissionSettlement;
import id.qutab.affiliate.commissions.CommissionStatus;
import id.qutab.affiliate.stats.StatsIncrements;
import id.qutab.platform.persistence.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;

/**
 * The order-tolerant state machine: after any fact about an order was merged (under the order's row lock), the
 * lead, the commission and the stats are brought in line with the facts known so far. Each step only moves
 * forward and is idempotent, so the same events in any order, any number of times, end in the same state:
 * <ul>
 *   <li>attribution is decided once, as soon as an event carries it;</li>
 *   <li>the lead exists once attributed; its order is counted when the order's creation is known;</li>
 *   <li>the commission is created once the order is paid (also when a refund or completion came first — those
 *       are then applied at once, so a commission of a refunded order is created and voided in one go);</li>
 *   <li>the lead's status follows: PENDING → CONFIRMED (paid) → PAID (paid out), or CANCELLED.</li>
 * </ul>
 */
@ApplicationScoped
public class OrderReconciliation {

    @Inject
    LeadAttribution attribution;

    @Inject
    Leads leads;

    @Inject
    CommissionCreation creation;

    @Inject
    CommissionSettlement settlement;

    @Inject
    StatsIncrements increments;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(TrackedOrder order) {
        StatsIncrements.Changes stats = increments.changes();
        if (order.outcome == null && order.attributionKnown) {
            attribution.decide(order);
        }
        if (order.outcome == TrackedOrder.Outcome.SELF_REFERRAL) {
            flagSelfReferral(order);
        } else if (order.outcome == TrackedOrder.Outcome.AFFILIATE) {
            Lead lead = ensureLead(order, stats);
            Commission commission = creation.ensureCreated(order, stats);
            if (commission != null) {
                settlement.settle(commission, order, stats);
            }
            follow(lead, order, commission);
        }
        order.updatedAt = Instant.now();
        stats.apply();
    }

    private Lead ensureLead(TrackedOrder order, StatsIncrements.Changes stats) {
        Instant now = Instant.now();
        Lead lead = leads.findById(Lead.idFor(order.orderId));
        if (lead == null) {
            lead = new Lead();
            lead.id = Lead.idFor(order.orderId);
            lead.affiliateId = order.affiliateId;
            lead.orderId = order.orderId;
            lead.source = order.source;
            lead.code = order.source == Lead.Source.LINK ? order.referralCode : null;
            lead.clickId = order.clickId;
            lead.couponCode = order.couponCode;
            lead.customerUserId = order.userId;
            lead.status = LeadStatus.PENDING;
            lead.occurredAt = order.createdAt != null ? order.createdAt : order.paidAt != null ? order.paidAt : now;
            lead.createdAt = now;
            lead.updatedAt = now;
            leads.persist(lead);
        }
        if (order.orderNumber != null) {
            lead.orderNumber = order.orderNumber;
        }
        if (order.total != null) {
            lead.orderTotal = order.total;
        }
        if (lead.orderCreatedAt == null && order.createdAt != null) {
            lead.orderCreatedAt = order.createdAt;
            lead.occurredAt = order.createdAt;
            stats.orders(lead.affiliateId, order.createdAt, 1);
        }
        return lead;
    }

    private void follow(Lead lead, TrackedOrder order, Commission commission) {
        LeadStatus status;
        if (order.closed()) {
            status = LeadStatus.CANCELLED;
        } else if (commission != null && commission.status == CommissionStatus.PAID) {
            status = LeadStatus.PAID;
        } else if (order.paid()) {
            status = LeadStatus.CONFIRMED;
        } else {
            status = LeadStatus.PENDING;
        }
        lead.status = status;
        lead.confirmedAt = order.paidAt;
        lead.cancelledAt = order.closedAt;
        lead.paidOutAt = commission == null ? null : commission.paidOutAt;
        lead.updatedAt = Instant.now();
    }

    private void flagSelfReferral(TrackedOrder order) {
        Sql.update(em, """
                INSERT INTO self_referral (order_id, affiliate_id, user_id, order_number, source, code, coupon_code,
                    order_total, flagged_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                ON CONFLICT (order_id) DO UPDATE SET
                    order_number = coalesce(excluded.order_number, self_referral.order_number),
                    order_total = coalesce(excluded.order_total, self_referral.order_total)""",
                order.orderId, order.affiliateId, order.userId, order.orderNumber, order.source.name(),
                order.source == Lead.Source.LINK ? order.referralCode : null, order.couponCode, order.total,
                Instant.now());
    }
}
