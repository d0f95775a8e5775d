package id.qutab.payout.statements;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.qutab.platform.money.Rupiah;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Renders a payout statement (OpenPDF): who was paid, to which account, the bank's transfer reference, the period
 * the paid commissions were earned in, and each commission with the part of it this payout covered. Dates are
 * shown in Asia/Jakarta (WIB).
 */
public final class PayoutStatement {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(JAKARTA);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WIB'", Locale.ENGLISH).withZone(JAKARTA);

    private PayoutStatement() {
    }

    /** Everything a statement shows. */
    public record Data(UUID payoutId, UUID affiliateId, String affiliateCode, String status, long amount,
                       String bankName, String accountNumberMasked, String accountHolder, String transferReference,
                       Instant requestedAt, Instant paidAt, Instant periodFrom, Instant periodTo,
                       List<Line> lines, long unallocatedAmount) {
    }

    public record Line(UUID commissionId, UUID orderId, Instant earnedAt, long commissionAmount, long paidAmount,
                       boolean fullyPaid) {
    }

    public static byte[] render(Data data) {
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7, Color.DARK_GRAY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Qutab payout statement " + data.payoutId());
            document.addCreator("Qutab payout-service");
            document.open();
            document.add(new Paragraph("Qutab — Payout statement", title));
            document.add(new Paragraph("Laporan pembayaran komisi affiliate", normal));
            document.add(Chunk.NEWLINE);

            PdfPTable facts = new PdfPTable(new float[]{1.3f, 3f});
            facts.setWidthPercentage(100);
            fact(facts, "Payout", data.payoutId().toString(), bold, normal);
            fact(facts, "Affiliate", (data.affiliateCode() == null ? "" : data.affiliateCode() + " · ")
                    + data.affiliateId(), bold, normal);
            fact(facts, "Status", data.status(), bold, normal);
            fact(facts, "Amount", Rupiah.format(data.amount()), bold, normal);
            fact(facts, "Paid to", data.bankName() + " " + nz(data.accountNumberMasked()) + " a.n. "
                    + nz(data.accountHolder()), bold, normal);
            fact(facts, "Transfer reference", nz(data.transferReference()), bold, normal);
            fact(facts, "Requested", DATE_TIME.format(data.requestedAt()), bold, normal);
            fact(facts, "Paid", data.paidAt() == null ? "" : DATE_TIME.format(data.paidAt()), bold, normal);
            fact(facts, "Period", data.periodFrom() == null ? "—"
                    : DATE.format(data.periodFrom()) + " – " + DATE.format(data.periodTo()), bold, normal);
            document.add(facts);
            document.add(Chunk.NEWLINE);

            document.add(new Paragraph("Commissions paid by this payout (oldest first)", bold));
            PdfPTable table = new PdfPTable(new float[]{2.6f, 2.6f, 1.4f, 1.5f, 1.5f});
            table.setWidthPercentage(100);
            table.setSpacingBefore(4);
            for (String head : List.of("Commission", "Order", "Earned", "Commission amount", "Paid now")) {
                PdfPCell cell = new PdfPCell(new Phrase(head, bold));
                cell.setBackgroundColor(new Color(235, 235, 235));
                table.addCell(cell);
            }
            long total = 0;
            for (Line line : data.lines()) {
                table.addCell(new Phrase(line.commissionId().toString(), small));
                table.addCell(new Phrase(line.orderId() == null ? "" : line.orderId().toString(), small));
                table.addCell(new Phrase(DATE.format(line.earnedAt()), normal));
                table.addCell(right(Rupiah.format(line.commissionAmount()), normal));
                table.addCell(right(Rupiah.format(line.paidAmount()) + (line.fullyPaid() ? "" : " *"), normal));
                total += line.paidAmount();
            }
            PdfPCell label = new PdfPCell(new Phrase("Total", bold));
            label.setColspan(4);
            table.addCell(label);
            table.addCell(right(Rupiah.format(total), bold));
            document.add(table);
            if (data.lines().stream().anyMatch(l -> !l.fullyPaid())) {
                document.add(new Paragraph("* partly paid: the rest of this commission stays in the available "
                        + "balance and is paid by the next payout.", small));
            }
            if (data.unallocatedAmount() > 0) {
                document.add(new Paragraph("Not covered by available commissions at payment time: "
                        + Rupiah.format(data.unallocatedAmount()) + " (settled against future commissions).", small));
            }
            document.add(Chunk.NEWLINE);
            document.add(new Paragraph("Generated " + DATE_TIME.format(Instant.now()) + " by Qutab.", small));
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render the payout statement", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
        return out.toByteArray();
    }

    private static void fact(PdfPTable table, String name, String value, Font bold, Font normal) {
        PdfPCell key = new PdfPCell(new Phrase(name, bold));
        key.setBorder(PdfPCell.NO_BORDER);
        PdfPCell val = new PdfPCell(new Phrase(value, normal));
        val.setBorder(PdfPCell.NO_BORDER);
        table.addCell(key);
        table.addCell(val);
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
