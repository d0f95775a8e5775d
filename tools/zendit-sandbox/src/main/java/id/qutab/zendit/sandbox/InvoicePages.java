package id.qutab.zendit.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTML the sandbox serves: the invoice page (Pay / Expire) and an index of invoices. Every value is escaped. */
final class InvoicePages {

    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'WIB'").withZone(JAKARTA);

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1f2933;margin:0}
            main{max-width:40rem;margin:2rem auto;background:#fff;border-radius:.5rem;padding:1.5rem 2rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}
            h1{font-size:1.25rem;margin:0 0 .25rem} .sandbox{color:#b45309;font-size:.85rem;margin:0 0 1rem}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem} dt{color:#52606d} dd{margin:0}
            .amount{font-size:1.6rem;font-weight:700} .status{font-weight:700}
            .PENDING{color:#b45309} .PAID,.SETTLED{color:#047857} .EXPIRED{color:#b91c1c}
            table{width:100%;border-collapse:collapse;margin:1rem 0} th,td{text-align:left;padding:.3rem;border-bottom:1px solid #e4e7eb}
            td.num,th.num{text-align:right} .actions{display:flex;gap:1rem;margin-top:1.5rem} form{margin:0}
            button{font-size:1rem;padding:.6rem 1.4rem;border-radius:.4rem;border:0;cursor:pointer}
            button.pay{background:#047857;color:#fff} button.expire{background:#e4e7eb;color:#1f2933}
            button:disabled{opacity:.45;cursor:not-allowed} a{color:#1d4ed8}
            """;

    private InvoicePages() {
    }

    /** {@code 1500000} → {@code Rp 1.500.000} (Indonesian grouping, no decimals). */
    static String rupiah(long amount) {
        return "Rp " + String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }

    static String invoicePage(Invoice invoice) {
        boolean pending = Invoice.PENDING.equals(invoice.status());
        String disabled = pending ? "" : " disabled";
        StringBuilder html = new StringBuilder(4096);
        head(html, "Invoice " + invoice.id());
        html.append("<main>\n<h1>").append(escape(ZenditSandbox.MERCHANT_NAME)).append("</h1>\n")
                .append("<p class=\"sandbox\">Zendit sandbox &mdash; tidak ada uang sungguhan / no real money</p>\n")
                .append("<dl>\n");
        row(html, "Tagihan / Invoice", "<code>" + escape(invoice.id()) + "</code>");
        row(html, "Referensi / Reference", escape(invoice.externalId()));
        if (invoice.description() != null) {
            row(html, "Keterangan / Description", escape(invoice.description()));
        }
        row(html, "Jumlah / Amount", "<span class=\"amount\">" + escape(rupiah(invoice.amount())) + "</span>");
        row(html, "Status", "<span class=\"status " + escape(invoice.status()) + "\">" + escape(statusLabel(invoice.status()))
                + "</span>");
        if (invoice.isPaid()) {
            row(html, "Dibayar / Paid", escape(rupiah(invoice.paidAmount())) + " &middot; "
                    + escape(invoice.paymentMethod()) + " " + escape(invoice.paymentChannel()) + " &middot; "
                    + escape(wib(invoice.paidAt())));
        } else {
            row(html, "Berlaku sampai / Expires", escape(wib(invoice.expiryDate())));
        }
        html.append("</dl>\n");
        items(html, invoice.items());
        html.append("<div class=\"actions\">\n")
                .append("<form method=\"post\" action=\"").append(escape(invoice.invoiceUrl())).append("/pay\">")
                .append("<button type=\"submit\" class=\"pay\"").append(disabled).append(">Bayar / Pay</button></form>\n")
                .append("<form method=\"post\" action=\"").append(escape(invoice.invoiceUrl())).append("/expire\">")
                .append("<button type=\"submit\" class=\"expire\"").append(disabled)
                .append(">Kedaluwarsa / Expire</button></form>\n")
                .append("</div>\n");
        if (!pending) {
            html.append("<p>Tagihan ini sudah ").append(invoice.isPaid() ? "dibayar" : "kedaluwarsa")
                    .append(" / This invoice is ").append(invoice.isPaid() ? "paid" : "expired").append(".</p>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String notFoundPage(String id) {
        StringBuilder html = new StringBuilder();
        head(html, "Invoice not found");
        html.append("<main>\n<h1>Tagihan tidak ditemukan / Invoice not found</h1>\n<p><code>").append(escape(id))
                .append("</code></p>\n<p class=\"sandbox\">The sandbox keeps invoices in memory only; a restart forgets them.</p>\n")
                .append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String indexPage(List<Invoice> invoices) {
        StringBuilder html = new StringBuilder(4096);
        head(html, "Zendit sandbox");
        html.append("<main>\n<h1>Zendit sandbox</h1>\n")
                .append("<p class=\"sandbox\">Invoices in memory (a restart forgets them), newest first.</p>\n");
        if (invoices.isEmpty()) {
            html.append("<p>Belum ada tagihan / No invoices yet.</p>\n");
        } else {
            html.append("<table>\n<tr><th>Invoice</th><th>Reference</th><th class=\"num\">Amount</th><th>Status</th></tr>\n");
            for (Invoice invoice : invoices) {
                html.append("<tr><td><a href=\"").append(escape(invoice.invoiceUrl())).append("\"><code>")
                        .append(escape(invoice.id())).append("</code></a></td><td>").append(escape(invoice.externalId()))
                        .append("</td><td class=\"num\">").append(escape(rupiah(invoice.amount())))
                        .append("</td><td class=\"status ").append(escape(invoice.status())).append("\">")
                        .append(escape(invoice.status())).append("</td></tr>\n");
            }
            html.append("</table>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    static String statusLabel(String status) {
        return switch (status) {
            case Invoice.PENDING -> "Menunggu pembayaran / Awaiting payment";
            case Invoice.PAID -> "Lunas / Paid";
            case Invoice.SETTLED -> "Lunas, dana diteruskan / Paid and settled";
            case Invoice.EXPIRED -> "Kedaluwarsa / Expired";
            default -> status;
        };
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void items(StringBuilder html, List<Map<String, Object>> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<table>\n<tr><th>Item</th><th class=\"num\">Qty</th><th class=\"num\">Harga / Price</th></tr>\n");
        for (Map<String, Object> item : items) {
            html.append("<tr><td>").append(escape(String.valueOf(item.get("name"))));
            if (item.get("category") != null) {
                html.append(" <small>(").append(escape(String.valueOf(item.get("category")))).append(")</small>");
            }
            html.append("</td><td class=\"num\">").append(escape(String.valueOf(item.get("quantity"))))
                    .append("</td><td class=\"num\">").append(escape(price(item.get("price")))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String price(Object price) {
        if (price instanceof Long value) {
            return rupiah(value);
        }
        if (price instanceof BigDecimal value) {
            return "Rp " + value.toPlainString();
        }
        return String.valueOf(price);
    }

    private static void row(StringBuilder html, String label, String valueHtml) {
        html.append("<dt>").append(escape(label)).append("</dt><dd>").append(valueHtml).append("</dd>\n");
    }

    private static void head(StringBuilder html, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n")
                .append("<title>").append(escape(title)).append(" &middot; Zendit sandbox</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    }

    private static String wib(Instant instant) {
        return instant == null ? "" : WIB.format(instant);
    }
}
