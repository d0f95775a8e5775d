package id.qutab.payout.reports;

import id.qutab.payout.balances.Balance;
import id.qutab.payout.balances.BalanceCalculator;
import id.qutab.platform.reports.DayRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the program owes now: every affiliate's balance by the formula of {@link BalanceCalculator.Totals#balance},
 * from the per-affiliate rollup {@code ledger_totals} (V2: kept by triggers in the ledger's and the payouts'
 * transactions; a scan of the whole ledger per request is too slow at volume), plus the payout queues and this
 * Jakarta month's paid payouts.
 *
 * <p>All of it is read in one REPEATABLE READ read-only transaction, so the totals, the queues and the month are one
 * snapshot: a payout approved between two of the queries cannot be counted twice or not at all.
 */
@ApplicationScoped
public class LiabilitiesReport {

    private static final String BALANCES = """
            SELECT affiliate_id, pending, earned, clawbacks, reserved, paid_out FROM ledger_totals
             WHERE pending <> 0 OR earned <> 0 OR clawbacks <> 0 OR reserved <> 0 OR paid_out <> 0""";
    private static final String PAID_IN = """
            SELECT COALESCE(SUM(amount), 0) FROM payout WHERE status = 'PAID' AND paid_at >= ? AND paid_at < ?""";
    private static final String QUEUES = """
            SELECT status, count(*), COALESCE(SUM(amount), 0), MIN(requested_at), MIN(approved_at) FROM payout
             WHERE status IN ('REQUESTED', 'APPROVED') GROUP BY status""";

    @Inject
    AgroalDataSource dataSource;

    /** One affiliate's line: the balance the affiliate sees at {@code GET /api/affiliate/balance}. */
    public record Line(UUID affiliateId, Balance balance) {
    }

    /** The report and the per-affiliate lines it sums (affiliates whose balance is all zeros are left out). */
    public record Snapshot(Liabilities totals, List<Line> lines) {
    }

    public Snapshot now() {
        Instant now = Instant.now();
        YearMonth month = YearMonth.from(now.atZone(DayRange.JAKARTA));
        DayRange days = new DayRange(month.atDay(1), month.atEndOfMonth());
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                List<Line> lines = lines(connection);
                long paidThisMonth = paidBetween(connection, days);
                Liabilities.Queue[] queues = queues(connection);
                return new Snapshot(sum(lines, paidThisMonth, queues, month, now), lines);
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("liabilities report failed: " + e.getSQLState(), e);
        }
    }

    private static List<Line> lines(Connection connection) throws SQLException {
        List<Line> lines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(BALANCES); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                BalanceCalculator.Totals totals = new BalanceCalculator.Totals(rows.getLong(2), rows.getLong(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6));
                Balance balance = totals.balance();
                if (!balance.equals(Balance.ZERO)) { // e.g. everything earned was clawed back: nothing owed either way
                    lines.add(new Line(rows.getObject(1, UUID.class), balance));
                }
            }
        }
        lines.sort(Comparator.comparing(Line::affiliateId));
        return lines;
    }

    private static long paidBetween(Connection connection, DayRange days) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(PAID_IN)) {
            query.setTimestamp(1, Timestamp.from(days.start()));
            query.setTimestamp(2, Timestamp.from(days.end()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** [awaiting approval (REQUESTED, oldest request), awaiting transfer (APPROVED, oldest approval)]. */
    private static Liabilities.Queue[] queues(Connection connection) throws SQLException {
        Liabilities.Queue requested = new Liabilities.Queue(0, 0, null);
        Liabilities.Queue approved = new Liabilities.Queue(0, 0, null);
        try (PreparedStatement query = connection.prepareStatement(QUEUES); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if ("REQUESTED".equals(rows.getString(1))) {
                    requested = new Liabilities.Queue(rows.getLong(2), rows.getLong(3), instant(rows.getTimestamp(4)));
                } else {
                    approved = new Liabilities.Queue(rows.getLong(2), rows.getLong(3), instant(rows.getTimestamp(5)));
                }
            }
        }
        return new Liabilities.Queue[] {requested, approved};
    }

    private static Liabilities sum(List<Line> lines, long paidThisMonth, Liabilities.Queue[] queues, YearMonth month,
                                   Instant now) {
        long pending = 0;
        long available = 0;
        long negative = 0;
        long reserved = 0;
        long paidOut = 0;
        List<Liabilities.NegativeBalance> debts = new ArrayList<>();
        for (Line line : lines) {
            Balance b = line.balance();
            pending += b.pending();
            reserved += b.reserved();
            paidOut += b.paidOut();
            if (b.available() < 0) {
                negative += b.available();
                debts.add(new Liabilities.NegativeBalance(line.affiliateId(), b.available()));
            } else {
                available += b.available();
            }
        }
        // the largest debt first; ties by id, so the list is stable between two reads
        debts.sort(Comparator.comparingLong(Liabilities.NegativeBalance::amount)
                .thenComparing(Liabilities.NegativeBalance::affiliateId));
        return new Liabilities(pending, available, reserved, paidThisMonth, debts, queues[0], queues[1], paidOut,
                negative, lines.size(), month.toString(), now);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
