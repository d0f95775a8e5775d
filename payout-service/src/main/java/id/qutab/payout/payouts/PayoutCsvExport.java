package id.qutab.payout.payouts;

import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The bank transfer batch: one CSV line per payout of a status (APPROVED by default), oldest first. RFC 4180:
 * comma-separated, CRLF line ends, fields with a comma, quote or line break quoted with inner quotes doubled.
 * A field that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) is prefixed with
 * an apostrophe.
 */
@ApplicationScoped
public class PayoutCsvExport {

    static final List<String> HEADER = List.of("bank_code", "account_number", "account_holder", "amount",
            "payout_id", "bank_name", "clearing_code", "affiliate_id", "requested_at", "approved_at");

    @Inject
    BankCatalog banks;

    @Transactional
    public String export(PayoutStatus status) {
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        List<Payout> payouts = Payout.list("status", Sort.ascending("requestedAt").and("id"), status);
        for (Payout p : payouts) {
            Bank bank = banks.byCode(p.bankCode).orElse(null);
            line(csv, List.of(p.bankCode, nz(p.accountNumber), nz(p.accountHolder), Long.toString(p.amount),
                    p.id.toString(), bank == null ? "" : bank.name(), bank == null ? "" : bank.clearingCode(),
                    p.affiliateId.toString(), p.requestedAt.toString(),
                    p.approvedAt == null ? "" : p.approvedAt.toString()));
        }
        return csv.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(fields.get(i)));
        }
        csv.append("\r\n");
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
