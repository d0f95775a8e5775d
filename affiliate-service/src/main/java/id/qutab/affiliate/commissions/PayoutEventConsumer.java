package id.qutab.affiliate.commissions;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.affiliate.attribution.OrderReconciliation;
import id.qutab.affiliate.attribution.TrackedOrders;
import id.qutab.affiliate.support.Payloads;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.TreeSet;
import java.util.UUID;

import static id.qutab.affiliate.support.Payloads.first;

/**
 * Consumes {@code payout.payout.*}. {@code .paid} marks the commissions it names PAID (and their leads); the
 * fact is kept even for a commission not created yet, and applied when it is. Every payout's status and amount
 * ({@code .requested}/{@code .paid}/{@code .failed}/{@code .rejected}) is kept in {@code payout_activity}: the
 * dashboard's recent activity, and its {@code available} (payout-service's balance formula, see
 * {@code DashboardView}). Commissions are locked through their order, in id order — the
 * same lock order as the order events use.
 */
@ApplicationScoped
public class PayoutEventConsumer {

    private static final Logger LOG = Logger.getLogger(PayoutEventConsumer.class);

    @Inject
    PaidOutCommissions allocations;

    @Inject
    TrackedOrders orders;

    @Inject
    OrderReconciliation reconciliation;

    @Inject
    EntityManager em;

    void onPaid(@Observes @EventType("payout.payout.paid") EventEnvelope event) {
        JsonNode p = event.payload();
        UUID payoutId = Payloads.uuid(p, "payoutId");
        if (payoutId == null) {
            LOG.warnf("payout.payout.paid %s without payoutId ignored", event.id());
            return;
        }
        UUID affiliateId = Payloads.uuid(p, "affiliateId");
        Instant paidAt = first(Payloads.instant(p, "paidAt"), Payloads.micros(event.occurredAt()));
        activity(p, payoutId, affiliateId, "PAID", paidAt);
        JsonNode ids = p.get("commissionIds");
        TreeSet<UUID> commissionIds = new TreeSet<>();
        if (ids != null && ids.isArray()) {
            for (JsonNode id : ids) {
                try {
                    commissionIds.add(UUID.fromString(id.asText()));
                } catch (IllegalArgumentException e) {
                    LOG.warnf("payout %s names a malformed commission id; skipped", payoutId);
                }
            }
        }
        for (UUID commissionId : commissionIds) {
            allocations.remember(commissionId, payoutId, affiliateId, paidAt);
            // Read without loading the entity: the order is locked first, then the commission (inside reconcile),
            // like every order event does.
            var rows = Sql.rows(em, "SELECT order_id, affiliate_id FROM commission WHERE id = ?1", commissionId);
            if (rows.isEmpty()) {
                continue;
            }
            if (affiliateId != null && !affiliateId.equals(rows.get(0)[1])) {
                LOG.warnf("payout %s names commission %s of another affiliate; ignored", payoutId, commissionId);
                continue;
            }
            reconciliation.reconcile(orders.lock((UUID) rows.get(0)[0]));
        }
    }

    void onRequested(@Observes @EventType("payout.payout.requested") EventEnvelope event) {
        dashboardOnly(event, "REQUESTED");
    }

    void onFailed(@Observes @EventType("payout.payout.failed") EventEnvelope event) {
        dashboardOnly(event, "FAILED");
    }

    void onRejected(@Observes @EventType("payout.payout.rejected") EventEnvelope event) {
        dashboardOnly(event, "REJECTED");
    }

    private void dashboardOnly(EventEnvelope event, String status) {
        JsonNode p = event.payload();
        UUID payoutId = Payloads.uuid(p, "payoutId");
        UUID affiliateId = Payloads.uuid(p, "affiliateId");
        if (payoutId == null || affiliateId == null) {
            LOG.warnf("%s %s without payoutId/affiliateId ignored", event.type(), event.id());
            return;
        }
        activity(p, payoutId, affiliateId, status, first(Payloads.instant(p, "at"), Payloads.micros(event.occurredAt())));
    }

    private void activity(JsonNode p, UUID payoutId, UUID affiliateId, String status, Instant at) {
        if (affiliateId == null) {
            return;
        }
        Long amount = Payloads.number(p, "amount");
        Sql.update(em, """
                INSERT INTO payout_activity (payout_id, affiliate_id, status, amount, at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (payout_id, status) DO NOTHING""",
                payoutId, affiliateId, status, amount == null ? 0 : amount, at == null ? Instant.now() : at);
    }
}
