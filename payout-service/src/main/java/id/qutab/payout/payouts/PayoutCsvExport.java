package id.qutab.payout.payouts;

import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.platform.problem.ProblemException;
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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bank transfer batch: one CSV line per payout of a status (APPROVED by default) requested within a range of
 * days, oldest first. RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted
 * with inner quotes doubled. A field that a spreadsheet would run as a formula (starting with {@code = + - @},
 * tab or CR) is prefixed with an apostrophe.
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
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final int FETCH = 500;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
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

    /** Days of request (Asia/Jakarta), both inclusive. */
    public record Range(LocalDate from, LocalDate to) {
        Timestamp start() {
            return Timestamp.from(from.atStartOfDay(JAKARTA).toInstant());
        }

        Timestamp end() {
            return Timestamp.from(to.plusDays(1).atStartOfDay(JAKARTA).toInstant());
        }
    }

    /**
     * The range asked for: {@code to} defaults to today, or to {@value #MAX_DAYS} days from {@code from} when only
     * that is given; {@code from} defaults to {@value #MAX_DAYS} days up to {@code to}. Anything else than
     * {@code YYYY-MM-DD} from 2000 on, {@code from} after {@code to}, or more than {@value #MAX_DAYS} days → 400.
     */
    public static Range range(String from, String to, LocalDate today) {
        LocalDate start = from == null ? null : date("from", from);
        LocalDate end = to == null ? null : date("to", to);
        if (end == null) {
            end = start == null ? today : start.plusDays(MAX_DAYS - 1);
        }
        if (start == null) {
            start = end.minusDays(MAX_DAYS - 1);
        }
        if (start.isAfter(end)) {
            throw ProblemException.invalid("from", "must not be after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ProblemException.invalid("to", "a range covers at most " + MAX_DAYS + " days; export it in parts");
        }
        return new Range(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (!DATE.matcher(value).matches()) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date YYYY-MM-DD");
        }
        if (date.isBefore(EARLIEST)) {
            throw ProblemException.invalid(field, "must not be before " + EARLIEST);
        }
        return date;
    }

    public StreamingOutput export(PayoutStatus status, Range range) {
        return output -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false); // PostgreSQL only uses a cursor inside a transaction
                connection.setReadOnly(true);
                try (PreparedStatement query = connection.prepareStatement(ROWS)) {
                    query.setFetchSize(FETCH);
                    query.setString(1, status.name());
                    query.setTimestamp(2, range.start());
                    query.setTimestamp(3, range.end());
                    try (ResultSet rows = query.executeQuery()) {
                        Writer csv = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                        line(csv, HEADER);
                        while (rows.next()) {
                            line(csv, fields(rows));
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

    private static void line(Writer csv, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(escape(fields.get(i)));
        }
        csv.write("\r\n");
    }

    static String escape(String field) {
        String value = field;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
