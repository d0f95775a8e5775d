package id.qutab.payout.payouts;

import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.platform.reports.Csv;
import id.qutab.platform.reports.DayRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.logging.Logger;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

/**
 * The bank transfer batch: one CSV line per payout of a status (APPROVED by default) requested within a range of
 * days (the platform's {@link DayRange}: Asia/Jakarta, both ends inclusive), oldest first, written by the platform's
 * {@link Csv} (RFC 4180, formulas defused).
 *
 * <p>The history only grows, so the export is bounded (at most {@value #MAX_DAYS} days of requests) and streamed:
 * rows come from a server-side cursor ({@value #FETCH} at a time) straight into the response, never a list of
 * entities in memory. The cursor needs a transaction on its connection, so it uses a plain read-only JDBC
 * connection for exactly as long as the response is being written, outside any JTA transaction (whose timeout a
 * slow download must not hit).
 */
@ApplicationScoped
public class PayoutCsvExport {

    static final List<String> HEADER = List.of("bank_code", "account_number", "account_holder", "amount",
            "payout_id", "bank_name", "clearing_code", "affiliate_id", "requested_at", "approved_at");
    /** The longest range of request days one export may cover (a leap year). */
    public static final int MAX_DAYS = 366;
    private static final int FETCH = 500;
    private static final Logger LOG = Logger.getLogger(PayoutCsvExport.class);

    private static final String ROWS = """
            SELECT bank_code, account_number, account_holder, amount, id, affiliate_id, requested_at, approved_at
              FROM payout
             WHERE status = ? AND requested_at >= ? AND requested_at < ?
             ORDER BY requested_at, id""";

    @Inject
    BankCatalog banks;

    @Inject
    AgroalDataSource dataSource;

    /**
     * The range asked for ({@link DayRange#parse}): {@code to} defaults to today, or to {@value #MAX_DAYS} days from
     * {@code from} when only that is given; {@code from} defaults to {@value #MAX_DAYS} days up to {@code to}; at most
     * {@value #MAX_DAYS} days.
     */
    public static DayRange range(String from, String to, LocalDate today) {
        return DayRange.parse(from, to, today, MAX_DAYS, MAX_DAYS);
    }

    public StreamingOutput export(PayoutStatus status, DayRange range) {
        return output -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false); // PostgreSQL only uses a cursor inside a transaction
                connection.setReadOnly(true);
                try (PreparedStatement query = connection.prepareStatement(ROWS)) {
                    query.setFetchSize(FETCH);
                    query.setString(1, status.name());
                    query.setTimestamp(2, Timestamp.from(range.start()));
                    query.setTimestamp(3, Timestamp.from(range.end()));
                    try (ResultSet rows = query.executeQuery()) {
                        Writer csv = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                        Csv.line(csv, HEADER);
                        while (rows.next()) {
                            Csv.line(csv, fields(rows));
                        }
                        csv.flush();
                    }
                } finally {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // the status line is gone already: the client sees a cut-off download
                LOG.errorf("payout export %s %s..%s failed: %s", status, range.from(), range.to(), e.getSQLState());
                throw new IOException("payout export failed", e);
            }
        };
    }

    private List<String> fields(ResultSet row) throws SQLException {
        String bankCode = row.getString(1);
        Bank bank = banks.byCode(bankCode).orElse(null);
        Timestamp approvedAt = row.getTimestamp(8);
        return List.of(bankCode, nz(row.getString(2)), nz(row.getString(3)), Long.toString(row.getLong(4)),
                row.getString(5), bank == null ? "" : bank.name(), bank == null ? "" : bank.clearingCode(),
                row.getString(6), row.getTimestamp(7).toInstant().toString(),
                approvedAt == null ? "" : approvedAt.toInstant().toString());
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
