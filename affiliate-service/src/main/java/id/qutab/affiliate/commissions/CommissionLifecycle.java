package id.qutab.affiliate.commissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.affiliate.attribution.TrackedOrder;
import id.qutab.affiliate.attribution.TrackedOrders;
import id.qutab.affiliate.stats.StatsIncrements;
import id.qutab.affiliate.support.Payloads;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Creates an order's commission when the order is paid, and brings it in line with everything known about the
 * order and its payouts — in any order those facts arrived:
 * <ul>
 *   <li>completion is noted (the maturation job then needs only time);</li>
 *   <li>a payout naming it makes it PAID (a commission voided meanwhile becomes PAID with a clawback, since the
 *       money did go out);</li>
 *   <li>a closed order voids it, or claws it back when it was already paid out ({@link CommissionVoiding}).</li>
 * </ul>
 * A voided commission never returns to PENDING or AVAILABLE.
 */
@ApplicationScoped
public class CommissionLifecycle {

    private static final Logger LOG = Logger.getLogger(CommissionLifecycle.class);

    @Inject
    Commissions commissions;

    @Inject
    Affiliates affiliates;

    @Inject
    TrackedOrders orders;

    @Inject
    RatesAsOf ratesAsOf;

    @Inject
    Outbox outbox;

    @Inject
    CommissionVoiding voiding;

    @Inject
    PayoutAllocations allocations;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /**
     * The commission of a paid, attributed order, created now if it was not decided yet: PENDING with the amount of
     * {@link CommissionCalculator}, {@code affiliate.commission.created}. Null when the affiliate was suspended by
     * the time the order was paid (nothing new is earned) or when the order is not paid yet.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Commission ensureCreated(TrackedOrder order, StatsIncrements.Changes stats) {
        Commission existing = commissions.lock(Commission.idFor(order.orderId)).orElse(null);
        if (existing != null || !order.paid() || order.commissionDecided) {
            return existing;
        }
        order.commissionDecided = true;
        Affiliate affiliate = affiliates.findById(order.affiliateId);
        if (affiliate == null || !affiliate.active()) {
            order.commissionSkipped = "AFFILIATE_" + (affiliate == null ? "UNKNOWN" : affiliate.status.name());
            LOG.infof("order %s paid; affiliate %s earns nothing (%s)", order.orderId, order.affiliateId,
                    order.commissionSkipped);
            return null;
        }
        List<CommissionCalculator.Line> lines = lines(orders.paidLines(order.orderId));
        // As of the payment: an event applied late (a replayed dead letter) earns what it earned when paid.
        int bonus = ratesAsOf.tierBonusBps(affiliate.id, order.paidAt);
        CommissionCalculator.Result result = CommissionCalculator.calculate(lines, ratesAsOf.rules(order.paidAt), bonus);
        Instant now = Instant.now();
        Commission c = new Commission();
        c.id = Commission.idFor(order.orderId);
        c.affiliateId = affiliate.id;
        c.orderId = order.orderId;
        c.orderNumber = order.orderNumber;
        c.amount = result.amount();
        c.rateBps = result.rateBps();
        c.tierBonusBps = bonus;
        c.salesAmount = order.total != null ? order.total : result.base();
        c.status = CommissionStatus.PENDING;
        c.paidAt = order.paidAt;
        c.createdAt = now;
        c.updatedAt = now;
        commissions.persistAndFlush(c);
        for (CommissionCalculator.LineCommission line : result.lines()) {
            Sql.update(em, """
                    INSERT INTO commission_line (commission_id, line_no, product_id, category, quantity, line_total, base,
                        rule_rate_bps, flat_amount_per_unit, tier_bonus_bps, amount)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""",
                    c.id, line.lineNo(), line.line().productId(),
                    line.line().category() == null ? "unknown" : line.line().category(), line.line().quantity(),
                    line.line().lineTotal(), line.base(), line.ruleRateBps(), line.flatAmountPerUnit(),
                    line.tierBonusBps(), line.amount());
        }
        outbox.record(CommissionEvents.CREATED, c.id.toString(), new CommissionEvents.Created(c.id, c.affiliateId,
                c.orderId, c.orderNumber, c.amount, c.status.name(), c.rateBps, c.salesAmount, c.paidAt));
        stats.conversion(c.affiliateId, c.paidAt, +1, c.salesAmount, c.amount);
        LOG.infof("commission %s of %d created for affiliate %s (order %s)", c.id, c.amount, c.affiliateId, c.orderId);
        return c;
    }

    /** Applies completion, payouts and the order's closing to the (locked) commission. Idempotent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void settle(Commission c, TrackedOrder order, StatsIncrements.Changes stats) {
        boolean counted = c.counted();
        if (order.completedAt != null && c.orderCompletedAt == null) {
            c.orderCompletedAt = order.completedAt;
            c.updatedAt = Instant.now();
        }
        if (order.orderNumber != null && c.orderNumber == null) {
            c.orderNumber = order.orderNumber;
        }
        PayoutAllocations.Allocation payout = allocations.first(c.id, c.affiliateId);
        if (payout != null && c.status != CommissionStatus.PAID) {
            boolean wasVoided = c.status == CommissionStatus.VOIDED;
            c.status = CommissionStatus.PAID;
            c.payoutId = payout.payoutId();
            c.paidOutAt = payout.paidAt();
            if (wasVoided) {
                // Paid out before the void was known: the reversal is a clawback (below), not a void.
                c.voidedAt = null;
                c.voidedReason = null;
                LOG.warnf("commission %s was voided but had been paid out by %s; recorded as a clawback",
                        c.id, payout.payoutId());
            }
            c.updatedAt = Instant.now();
        }
        if (order.closed()) {
            switch (c.status) {
                case PENDING, AVAILABLE -> voiding.voidFor(c, order);
                case PAID -> {
                    if (c.clawbackAt == null) {
                        voiding.clawback(c, order);
                    }
                }
                case VOIDED -> {
                    if (!Objects.equals(c.voidedAt, order.closedAt)) {
                        c.voidedAt = order.closedAt; // an earlier closing event arrived late
                        c.voidedReason = order.closeDescription();
                        c.updatedAt = Instant.now();
                    }
                }
            }
        }
        if (counted && !c.counted()) {
            stats.conversion(c.affiliateId, c.paidAt, -1, c.salesAmount, c.amount);
        }
    }

    /** The paid event's lines, tolerant of missing fields (quantity 1, lineTotal from unitPrice × quantity). */
    List<CommissionCalculator.Line> lines(String linesJson) {
        List<CommissionCalculator.Line> lines = new ArrayList<>();
        if (linesJson == null) {
            return lines;
        }
        JsonNode array;
        try {
            array = json.readTree(linesJson);
        } catch (IOException e) {
            LOG.warn("stored order lines are not JSON; no commission base");
            return lines;
        }
        if (array == null || !array.isArray()) {
            return lines;
        }
        for (JsonNode line : array) {
            Long quantity = Payloads.number(line, "quantity");
            int qty = quantity == null ? 1 : (int) Math.max(0, Math.min(Integer.MAX_VALUE, quantity));
            Long lineTotal = Payloads.number(line, "lineTotal");
            if (lineTotal == null) {
                Long unit = Payloads.number(line, "unitPrice");
                lineTotal = unit == null ? 0 : unit * qty;
            }
            String category = Payloads.text(line, "category");
            lines.add(new CommissionCalculator.Line(Payloads.uuid(line, "productId"),
                    category == null ? null : category.trim().toLowerCase(Locale.ROOT), qty, lineTotal,
                    Payloads.number(line, "paidAmount")));
        }
        return lines;
    }
}
