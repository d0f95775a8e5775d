package id.qutab.payout.ledger;

import id.qutab.payout.payouts.PayoutLock;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Feeds the commission ledger from affiliate-service's events, inside the inbox transaction (so each event id
 * has its effect exactly once). Events may come twice under new ids and in any order — matured before created,
 * voided before matured: every fact goes through {@link LedgerCommission#apply}, which only moves forward, and
 * into the journal ({@code ledger_entry}) once per (commission, kind), marked APPLIED or STALE.
 *
 * <p>Each fact takes the affiliate's {@link PayoutLock}, so a payout request never decides on a ledger that a
 * concurrent event is changing.
 */
@ApplicationScoped
public class LedgerProjection {

    private static final Logger LOG = Logger.getLogger(LedgerProjection.class);

    @Inject
    PayoutLock lock;

    void onCreated(@Observes @EventType("affiliate.commission.created") EventEnvelope event) {
        record(CommissionFact.of(CommissionFact.Kind.CREATED, event));
    }

    void onMatured(@Observes @EventType("affiliate.commission.matured") EventEnvelope event) {
        record(CommissionFact.of(CommissionFact.Kind.MATURED, event));
    }

    void onVoided(@Observes @EventType("affiliate.commission.voided") EventEnvelope event) {
        record(CommissionFact.of(CommissionFact.Kind.VOIDED, event));
    }

    void onClawback(@Observes @EventType("affiliate.commission.clawback") EventEnvelope event) {
        record(CommissionFact.of(CommissionFact.Kind.CLAWBACK, event));
    }

    /** Applies one fact; returns whether it moved the commission's state. */
    public boolean record(CommissionFact fact) {
        lock.lock(fact.affiliateId());
        Instant now = Instant.now();
        LedgerCommission commission = LedgerCommission.findById(fact.commissionId());
        boolean applied;
        if (commission == null) {
            commission = LedgerCommission.first(fact, now);
            commission.persist();
            applied = true;
        } else {
            if (!commission.affiliateId.equals(fact.affiliateId())) {
                throw ProblemException.badRequest(fact.kind().eventType + ": commission " + fact.commissionId()
                        + " belongs to another affiliate.");
            }
            applied = commission.apply(fact, now);
        }
        journal(fact, applied);
        if (!applied) {
            LOG.debugf("stale %s for commission %s (now %s)", fact.kind(), fact.commissionId(), commission.state);
        }
        return applied;
    }

    private void journal(CommissionFact fact, boolean applied) {
        if (LedgerEntry.exists(fact.commissionId(), fact.kind())) {
            return; // the same transition again under another event id: already on record
        }
        LedgerEntry entry = new LedgerEntry();
        entry.affiliateId = fact.affiliateId();
        entry.commissionId = fact.commissionId();
        entry.kind = fact.kind().name();
        entry.amount = fact.amount();
        entry.effect = applied ? "APPLIED" : "STALE";
        entry.reason = fact.reason();
        entry.eventId = fact.eventId();
        entry.occurredAt = fact.occurredAt();
        entry.recordedAt = Instant.now();
        entry.persist();
    }
}
