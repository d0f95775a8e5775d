package id.qutab.commerce.invoices;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderLine;
import id.qutab.commerce.orders.OrderStatus;
import id.qutab.commerce.payments.Payment;
import id.qutab.platform.money.Rupiah;
import jakarta.enterprise.context.ApplicationScoped;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders the invoice of a paid order (OpenPDF): number, lines with the names on behalf of, recipient, payment. */
@ApplicationScoped
public class InvoicePdf {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm 'WIB'").withZone(JAKARTA);
    // Made with the bean at run time, not by the class initialiser: java.awt.Color is initialised at run time in a
    // native image (quarkus-awt), so a static Color would fail the native build (deploy/README.md, native images).
    private final Font title = new Font(Font.HELVETICA, 18, Font.BOLD, new Color(0x1B, 0x5E, 0x20));
    private final Font bold = new Font(Font.HELVETICA, 10, Font.BOLD);
    private final Font normal = new Font(Font.HELVETICA, 10);
    private final Font small = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);

    public byte[] render(Order order, Payment payment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Invoice " + order.number);
            doc.addAuthor("Qutab");
            doc.open();
            doc.add(new Paragraph("Qutab - Qurban Tanpa Batas", title));
            doc.add(new Paragraph("INVOICE / FAKTUR", bold));
            doc.add(Chunk.NEWLINE);

            PdfPTable head = new PdfPTable(2);
            head.setWidthPercentage(100);
            row(head, "Nomor pesanan / Order number", order.number);
            row(head, "Tanggal pesanan / Order date", when(order.createdAt));
            row(head, "Dibayar / Paid at", when(order.paidAt));
            row(head, "Status", order.status.name());
            row(head, "Penerima / Recipient", order.recipientName
                    + (order.recipientPhone == null ? "" : " (" + order.recipientPhone + ")"));
            row(head, "Lokasi penyaluran / Distribution", order.recipientLocation);
            if (payment != null) {
                row(head, "Referensi pembayaran / Payment reference", payment.provider + " " + payment.providerInvoiceId);
                row(head, "Metode / Method", nz(payment.paymentMethod) + (payment.paymentChannel == null ? ""
                        : " " + payment.paymentChannel));
                row(head, "ID pembayaran / Payment id", payment.id.toString());
            }
            doc.add(head);
            doc.add(Chunk.NEWLINE);

            PdfPTable lines = new PdfPTable(new float[]{4.2f, 1.1f, 0.6f, 1.6f, 1.6f, 1.4f, 1.6f});
            lines.setWidthPercentage(100);
            for (String h : new String[]{"Hewan / Item", "Jenis", "Qty", "Harga", "Jumlah", "Diskon", "Dibayar"}) {
                PdfPCell cell = new PdfPCell(new Phrase(h, bold));
                cell.setBackgroundColor(new Color(0xE8, 0xF5, 0xE9));
                lines.addCell(cell);
            }
            for (OrderLine l : order.lines) {
                PdfPCell name = new PdfPCell();
                name.addElement(new Phrase(l.productName, normal));
                name.addElement(new Phrase("Atas nama / On behalf of: " + String.join(", ", l.onBehalfOf), small));
                lines.addCell(name);
                lines.addCell(new Phrase(l.category.name(), normal));
                lines.addCell(right(String.valueOf(l.quantity)));
                lines.addCell(right(Rupiah.format(l.unitPrice)));
                lines.addCell(right(Rupiah.format(l.lineTotal)));
                lines.addCell(right(Rupiah.format(l.discount)));
                lines.addCell(right(Rupiah.format(l.paidAmount)));
            }
            doc.add(lines);
            doc.add(Chunk.NEWLINE);

            PdfPTable totals = new PdfPTable(2);
            totals.setWidthPercentage(50);
            totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
            totalRow(totals, "Subtotal", Rupiah.format(order.subtotal), normal);
            totalRow(totals, "Diskon / Discount" + (order.couponCode == null ? "" : " (" + order.couponCode + ")"),
                    Rupiah.format(-order.discount), normal);
            totalRow(totals, "Total", Rupiah.format(order.total), bold);
            doc.add(totals);
            if (order.status == OrderStatus.REFUNDED) {
                doc.add(Chunk.NEWLINE);
                doc.add(new Paragraph("Pesanan ini telah dikembalikan dananya / This order has been refunded: "
                        + nz(order.closeReason), bold));
            }
            doc.add(Chunk.NEWLINE);
            doc.add(new Paragraph("Semua harga dalam Rupiah (IDR). Terima kasih telah berqurban bersama Qutab.", small));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("invoice rendering failed", e);
        }
        return out.toByteArray();
    }

    private void row(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(label, bold));
        l.setBorder(0);
        PdfPCell v = new PdfPCell(new Phrase(nz(value), normal));
        v.setBorder(0);
        table.addCell(l);
        table.addCell(v);
    }

    private void totalRow(PdfPTable table, String label, String value, Font font) {
        PdfPCell l = new PdfPCell(new Phrase(label, font));
        l.setBorder(0);
        PdfPCell v = new PdfPCell(new Phrase(value, font));
        v.setBorder(0);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        table.addCell(l);
        table.addCell(v);
    }

    private PdfPCell right(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, normal));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String when(Instant at) {
        return at == null ? "-" : WHEN.format(at);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
