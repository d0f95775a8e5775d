package id.qutab.affiliate.commissions;

import id.qutab.affiliate.applications.Affiliate;
import id.qutab.affiliate.applications.Affiliates;
import id.qutab.affiliate.attribution.OrderEventPayloads;
import id.qutab.affiliate.attribution.TrackedOrder;
import id.qutab.affiliate.attribution.TrackedOrders;
import id.qutab.affiliate.stats.StatsIncrements;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.outbox.Outbox;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A paid, attributed order earns a commission, decided once: PENDING with the amount of
 * {@link CommissionCalculator} over the paid lines, at the rules and tier bonus in force at {@code paidAt}
 * ({@link RatesAsOf}); its lines, {@code affiliate.commission.created} and the day's conversion are recorded in the
 * same transaction. An affiliate no longer approved when the order is paid earns nothing.
 */
@ApplicationScoped
public class CommissionCreation {

    private static final Logger LOG = Logger.getLogger(CommissionCreation.class);

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
    EntityManager em;

    /**
     * The order's commission (locked), created now if the order is paid and it was not decided yet. Null when the
     * order is not paid yet or its affiliate earns nothing. Once decided it is never created again, so a paid event
     * redelivered after the commission was voided finds the voided one and leaves it voided.
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
        List<CommissionCalculator.Line> lines = orders.paidLines(order.orderId).stream()
                .map(line -> calculatorLine(order, line)).toList();
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

    /**
     * A paid line as the calculator takes it. Commerce sends {@code quantity} and {@code lineTotal} on every line;
     * a line without them is refused (422, the event goes to the dead letters) rather than paid on a guessed amount.
     */
    private static CommissionCalculator.Line calculatorLine(TrackedOrder order, OrderEventPayloads.Line line) {
        if (line.quantity() == null || line.lineTotal() == null || line.quantity() < 0
                || line.quantity() > Integer.MAX_VALUE) {
            throw ProblemException.rule("order-line-incomplete", "Order " + order.orderId + " was paid with a line"
                    + " without a valid quantity or lineTotal; no commission is computed on a guess.");
        }
        String category = line.category() == null ? null : line.category().trim().toLowerCase(Locale.ROOT);
        return new CommissionCalculator.Line(line.productId(), category, line.quantity().intValue(), line.lineTotal(),
                line.paidAmount());
    }
}
