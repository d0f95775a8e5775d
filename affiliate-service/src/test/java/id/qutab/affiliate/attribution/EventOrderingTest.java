package id.qutab.affiliate.attribution;

import id.qutab.affiliate.commissions.Commission;
import id.qutab.affiliate.commissions.CommissionMaturation;
import id.qutab.affiliate.support.Affiliates;
import id.qutab.testing.TestDb;
import id.qutab.affiliate.support.Events;
import id.qutab.affiliate.support.Events.Event;
import id.qutab.affiliate.support.Orders;
import id.qutab.affiliate.support.Orders.Attribution;
import id.qutab.affiliate.support.Orders.Line;
import id.qutab.testing.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance 2: every consumed event delivered twice and out of order ends in the same state as the events
 * delivered once, in order — leads, commissions (with lines and clawbacks), the orders' facts, self-referral flags,
 * daily stats and the commission events sent to payout.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)
class EventOrderingTest {

    @Inject
    TestDb db;

    @Inject
    CommissionMaturation maturation;

    private Affiliates.Made a;
    private Affiliates.Made b;
    private final List<UUID> orders = new ArrayList<>();
    private final List<UUID> buyers = new ArrayList<>();

    /** A realistic week of one affiliate program, as the events that reach this service. */
    private List<Event> story() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant longAgo = now.minus(Duration.ofDays(40));
        List<Event> events = new ArrayList<>();
        UUID dewi = buyer();
        UUID eko = buyer();
        UUID fajar = buyer();
        events.add(Event.of("identity.user.registered", dewi, longAgo.minusSeconds(60),
                "{\"userId\":\"" + dewi + "\",\"name\":\"Dewi Lestari\",\"email\":\"dewi@example.id\",\"roles\":[\"customer\"]}"));
        events.add(Event.of("identity.user.registered", fajar, longAgo.minusSeconds(60),
                "{\"userId\":\"" + fajar + "\",\"name\":\"Fajar Nugroho\",\"email\":\"fajar@example.id\",\"roles\":[\"customer\"]}"));
        // the buyers' names reach this service from identity (commerce's order events carry none)
        events.add(Event.of("identity.user.registered", eko, longAgo.minusSeconds(60),
                "{\"userId\":\"" + eko + "\",\"name\":\"Eko Saputra\",\"email\":\"eko@example.id\",\"roles\":[\"customer\"]}"));
        events.add(Event.of("identity.user.deleted", fajar, now.minusSeconds(5), "{\"userId\":\"" + fajar + "\"}"));

        // O1: link A, two lines and a discount, completed, paid out → PAID
        UUID o1 = order();
        Attribution link = Attribution.link(a.code());
        events.add(Event.of("commerce.order.created", o1, now.minus(Duration.ofDays(3)),
                Orders.created(o1, "QTB-0001", dewi, null, 28_500_000, link)));
        events.add(Event.of("commerce.order.paid", o1, now.minus(Duration.ofDays(3)).plusSeconds(600),
                Orders.paid(o1, dewi, List.of(Line.of("sapi", 1, 25_000_000), Line.of("kambing", 1, 4_000_000)), 500_000,
                        now.minus(Duration.ofDays(3)).plusSeconds(600), link)));
        events.add(Event.of("commerce.order.completed", o1, now.minus(Duration.ofDays(1)), Orders.completed(o1, now.minus(Duration.ofDays(1)))));
        UUID payout = UUID.randomUUID();
        events.add(Event.of("payout.payout.requested", payout, now.minusSeconds(3600),
                "{\"payoutId\":\"" + payout + "\",\"affiliateId\":\"" + a.id() + "\",\"amount\":849000}"));
        events.add(Event.of("payout.payout.paid", payout, now.minusSeconds(600),
                Orders.payoutPaid(payout, a.id(), 849_000, now.minusSeconds(600), Commission.idFor(o1))));

        // O2: link A, paid then refunded → VOIDED
        UUID o2 = order();
        events.add(Event.of("commerce.order.created", o2, now.minus(Duration.ofDays(2)),
                Orders.created(o2, "QTB-0002", eko, null, 3_000_000, link)));
        events.add(Event.of("commerce.order.paid", o2, now.minus(Duration.ofDays(2)).plusSeconds(60),
                Orders.paid(o2, eko, List.of(Line.of("domba", 1, 3_000_000)), 0, now.minus(Duration.ofDays(2)).plusSeconds(60), link)));
        events.add(Event.of("commerce.order.refunded", o2, now.minus(Duration.ofDays(1)),
                Orders.closed(o2, "Stok habis", now.minus(Duration.ofDays(1)))));

        // O3: coupon of B beats the link of A; paid 40 days ago and completed → AVAILABLE after maturation
        UUID o3 = order();
        Attribution coupon = Attribution.coupon("BERKAH", b.id()).withLink(a.code());
        events.add(Event.of("commerce.order.created", o3, longAgo, Orders.created(o3, "QTB-0003", eko, null, 6_000_000, coupon)));
        events.add(Event.of("commerce.order.paid", o3, longAgo.plusSeconds(30),
                Orders.paid(o3, eko, List.of(Line.of("kambing", 2, 3_000_000)), 0, longAgo.plusSeconds(30), coupon)));
        events.add(Event.of("commerce.order.completed", o3, longAgo.plus(Duration.ofDays(5)),
                Orders.completed(o3, longAgo.plus(Duration.ofDays(5)))));

        // O4: link A, paid out, then refunded → PAID with a clawback
        UUID o4 = order();
        events.add(Event.of("commerce.order.created", o4, longAgo.plusSeconds(100),
                Orders.created(o4, "QTB-0004", dewi, null, 22_000_000, link)));
        events.add(Event.of("commerce.order.paid", o4, longAgo.plusSeconds(200),
                Orders.paid(o4, dewi, List.of(Line.of("sapi", 1, 22_000_000)), 0, longAgo.plusSeconds(200), link)));
        events.add(Event.of("commerce.order.completed", o4, longAgo.plus(Duration.ofDays(2)),
                Orders.completed(o4, longAgo.plus(Duration.ofDays(2)))));
        UUID payout2 = UUID.randomUUID();
        events.add(Event.of("payout.payout.paid", payout2, longAgo.plus(Duration.ofDays(33)),
                Orders.payoutPaid(payout2, a.id(), 660_000, longAgo.plus(Duration.ofDays(33)), Commission.idFor(o4))));
        events.add(Event.of("commerce.order.refunded", o4, now.minusSeconds(30), Orders.closed(o4, "Salah pesan", now.minusSeconds(30))));

        // O5: link A, cancelled before payment → cancelled lead, no commission
        UUID o5 = order();
        events.add(Event.of("commerce.order.created", o5, now.minus(Duration.ofHours(5)),
                Orders.created(o5, "QTB-0005", fajar, null, 3_000_000, link)));
        events.add(Event.of("commerce.order.cancelled", o5, now.minus(Duration.ofHours(4)),
                Orders.closed(o5, "Berubah pikiran", now.minus(Duration.ofHours(4)))));

        // O6: A buys through A's own link → flagged, nothing earned
        UUID o6 = order();
        events.add(Event.of("commerce.order.created", o6, now.minus(Duration.ofHours(3)),
                Orders.created(o6, "QTB-0006", a.userId(), null, 25_000_000, link)));
        events.add(Event.of("commerce.order.paid", o6, now.minus(Duration.ofHours(2)),
                Orders.paid(o6, a.userId(), List.of(Line.of("sapi", 1, 25_000_000)), 0, now.minus(Duration.ofHours(2)), link)));

        // O7: link A, ordered, not paid yet → pending lead
        UUID o7 = order();
        events.add(Event.of("commerce.order.created", o7, now.minus(Duration.ofHours(1)),
                Orders.created(o7, "QTB-0007", dewi, null, 3_000_000, link)));
        return events;
    }

    @Test
    void redeliveredAndReorderedEventsEndInTheSameState() {
        a = Affiliates.approved("Urut", "Satu");
        b = Affiliates.approved("Urut", "Dua");
        List<Event> story = story();

        story.forEach(Events::deliverApplied);
        maturation.run(30);
        Map<String, List<List<Object>>> inOrder = snapshot();
        assertEquals(List.of(List.of("PAID"), List.of("VOIDED"), List.of("AVAILABLE"), List.of("PAID")),
                db.rows("SELECT status FROM commission WHERE order_id IN (?, ?, ?, ?) ORDER BY order_number",
                        orders.get(0), orders.get(1), orders.get(2), orders.get(3)));
        assertEquals(1, db.count("SELECT count(*) FROM commission_clawback WHERE order_id = ?", orders.get(3)));
        assertEquals(1, db.count("SELECT count(*) FROM self_referral WHERE order_id = ?", orders.get(5)));
        assertEquals(List.of(List.of("QTB-0001", "PAID"), List.of("QTB-0002", "CANCELLED"), List.of("QTB-0003", "CONFIRMED"),
                        List.of("QTB-0004", "CANCELLED"), List.of("QTB-0005", "CANCELLED"), List.of("QTB-0007", "PENDING")),
                db.rows("SELECT order_number, status FROM lead WHERE order_id = ANY(?) ORDER BY order_number",
                        (Object) orders.toArray(UUID[]::new)));

        // every event twice, in reverse order
        List<Event> reversed = twice(story);
        Collections.reverse(reversed);
        replay(reversed);
        assertSameState(inOrder, snapshot(), "reversed with duplicates");

        // every event twice, shuffled (several seeds)
        for (long seed : new long[] {7, 42, 20261121}) {
            List<Event> shuffled = twice(story);
            Collections.shuffle(shuffled, new Random(seed));
            replay(shuffled);
            assertSameState(inOrder, snapshot(), "shuffled with duplicates, seed " + seed);
        }
    }

    /** Table by table, naming the rows that differ. */
    private static void assertSameState(Map<String, List<List<Object>>> expected, Map<String, List<List<Object>>> actual,
                                        String run) {
        expected.forEach((table, rows) -> {
            List<List<Object>> got = actual.get(table);
            if (!rows.equals(got)) {
                List<List<Object>> missing = new ArrayList<>(rows);
                missing.removeAll(got);
                List<List<Object>> extra = new ArrayList<>(got);
                extra.removeAll(rows);
                throw new AssertionError(run + ": " + table + " differs\n  in order only: " + missing
                        + "\n  this run only: " + extra);
            }
        });
    }

    /** The same story once more from a clean slate: new event ids, each delivered twice. */
    private List<Event> twice(List<Event> story) {
        List<Event> out = new ArrayList<>();
        for (Event e : story) {
            Event fresh = e.fresh();
            out.add(fresh);
            out.add(fresh);
        }
        return out;
    }

    private void replay(List<Event> events) {
        forget();
        events.forEach(Events::deliver);
        maturation.run(30);
    }

    private void forget() {
        Object orderIds = orders.toArray(UUID[]::new);
        Object affiliateIds = new UUID[] {a.id(), b.id()};
        db.exec("DELETE FROM commission_line WHERE commission_id IN (SELECT id FROM commission WHERE order_id = ANY(?))", orderIds);
        db.exec("DELETE FROM commission_clawback WHERE order_id = ANY(?)", orderIds);
        db.exec("DELETE FROM payout_allocation WHERE affiliate_id = ANY(?)", affiliateIds);
        db.exec("DELETE FROM payout_activity WHERE affiliate_id = ANY(?)", affiliateIds);
        db.exec("DELETE FROM commission WHERE order_id = ANY(?)", orderIds);
        db.exec("DELETE FROM lead WHERE order_id = ANY(?)", orderIds);
        db.exec("DELETE FROM self_referral WHERE order_id = ANY(?)", orderIds);
        db.exec("DELETE FROM tracked_order WHERE order_id = ANY(?)", orderIds);
        db.exec("DELETE FROM daily_stats WHERE affiliate_id = ANY(?)", affiliateIds);
        db.exec("DELETE FROM user_contact WHERE user_id = ANY(?)", (Object) buyers.toArray(UUID[]::new));
        db.exec("DELETE FROM outbox WHERE aggregate_id IN (SELECT CAST(x AS text) FROM unnest(CAST(? AS uuid[])) x)",
                (Object) orders.stream().map(Commission::idFor).toArray(UUID[]::new));
        assertEquals(0, db.count("SELECT count(*) FROM commission WHERE order_id = ANY(?)", orderIds));
    }

    private Map<String, List<List<Object>>> snapshot() {
        Object orderIds = orders.toArray(UUID[]::new);
        Object affiliateIds = new UUID[] {a.id(), b.id()};
        Map<String, List<List<Object>>> s = new LinkedHashMap<>();
        s.put("tracked_order", db.rows("""
                SELECT order_id, order_number, user_id, customer_name, referral_code, coupon_code, coupon_affiliate_id,
                       created_at, total, paid_at, subtotal, discount, completed_at, closed_at, close_type, close_reason,
                       outcome, outcome_reason, affiliate_id, source, commission_decided, commission_skipped
                FROM tracked_order WHERE order_id = ANY(?) ORDER BY order_id""", orderIds));
        s.put("lead", db.rows("""
                SELECT id, affiliate_id, order_id, order_number, customer_user_id, customer_name, source, code, coupon_code,
                       status, order_total, order_created_at, occurred_at, confirmed_at, paid_out_at, cancelled_at
                FROM lead WHERE order_id = ANY(?) ORDER BY order_id""", orderIds));
        s.put("commission", db.rows("""
                SELECT id, affiliate_id, order_id, order_number, amount, rate_bps, tier_bonus_bps, sales_amount, status,
                       paid_at, order_completed_at, available_at IS NOT NULL, voided_at, voided_reason, payout_id,
                       paid_out_at, clawback_at
                FROM commission WHERE order_id = ANY(?) ORDER BY order_id""", orderIds));
        s.put("commission_line", db.rows("""
                SELECT l.commission_id, l.line_no, l.category, l.quantity, l.line_total, l.base, l.rule_rate_bps,
                       l.flat_amount_per_unit, l.tier_bonus_bps, l.amount
                FROM commission_line l JOIN commission c ON c.id = l.commission_id
                WHERE c.order_id = ANY(?) ORDER BY l.commission_id, l.line_no""", orderIds));
        s.put("commission_clawback", db.rows("""
                SELECT commission_id, affiliate_id, order_id, amount, reason, created_at
                FROM commission_clawback WHERE order_id = ANY(?) ORDER BY commission_id""", orderIds));
        s.put("self_referral", db.rows("""
                SELECT order_id, affiliate_id, user_id, order_number, source, code, coupon_code, order_total
                FROM self_referral WHERE order_id = ANY(?) ORDER BY order_id""", orderIds));
        s.put("daily_stats", db.rows("""
                SELECT affiliate_id, day, clicks, unique_clicks, orders, conversions, sales, commission
                FROM daily_stats WHERE affiliate_id = ANY(?) ORDER BY affiliate_id, day""", affiliateIds));
        s.put("user_contact", db.rows("""
                SELECT user_id, name, email, deleted_at IS NOT NULL FROM user_contact WHERE user_id = ANY(?)
                ORDER BY user_id""", (Object) buyers.toArray(UUID[]::new)));
        s.put("payout_activity", db.rows("""
                SELECT payout_id, affiliate_id, status, amount, at FROM payout_activity WHERE affiliate_id = ANY(?)
                ORDER BY payout_id, status""", affiliateIds));
        // What payout-service was told about each commission. One legitimate difference is left out: when a refund
        // is applied before the payout that had already paid the commission out (two producers, no order between
        // them), payout hears "voided" and then "clawback"; in order it hears only "clawback". The contract for
        // payout: a "voided" of a commission it already paid out is ignored; the clawback that follows books it.
        s.put("outbox", db.rows("""
                SELECT o.aggregate_id, o.event_type, count(*) FROM outbox o
                JOIN commission c ON CAST(c.id AS text) = o.aggregate_id
                WHERE o.destination = 'payout' AND c.order_id = ANY(?)
                  AND NOT (o.event_type = 'affiliate.commission.voided' AND c.status = 'PAID')
                GROUP BY o.aggregate_id, o.event_type ORDER BY o.aggregate_id, o.event_type""", orderIds));
        assertEquals(List.of(), db.rows("""
                SELECT c.id FROM commission c
                JOIN outbox v ON v.aggregate_id = CAST(c.id AS text) AND v.event_type = 'affiliate.commission.voided'
                     AND v.destination = 'payout'
                WHERE c.order_id = ANY(?) AND c.status = 'PAID'
                  AND NOT EXISTS (SELECT 1 FROM outbox k WHERE k.aggregate_id = v.aggregate_id AND k.destination = 'payout'
                                  AND k.event_type = 'affiliate.commission.clawback' AND k.seq > v.seq)""", orderIds),
                "a paid-out commission that was voided is always clawed back afterwards");
        assertTrue(s.get("commission").size() == 4 && s.get("lead").size() == 6, s.toString());
        return s;
    }

    private UUID order() {
        UUID id = UUID.randomUUID();
        orders.add(id);
        return id;
    }

    private UUID buyer() {
        UUID id = UUID.randomUUID();
        buyers.add(id);
        return id;
    }
}
