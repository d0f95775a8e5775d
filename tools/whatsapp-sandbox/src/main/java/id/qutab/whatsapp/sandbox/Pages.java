package id.qutab.whatsapp.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The HTML pages: numbers messaged, and one number's conversation with a Read button per message. No scripts. */
final class Pages {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Jakarta"));
    private static final String STYLE = "body{font-family:sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}"
            + ".msg{border:1px solid #ccc;border-radius:.5rem;padding:.5rem 1rem;margin:.75rem 0;background:#dcf8c6}"
            + ".failed{background:#fdd}.meta{color:#555;font-size:.85rem}table{border-collapse:collapse}"
            + "td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}";

    private Pages() {
    }

    static String indexPage(List<String> phones, List<Message> messages) {
        StringBuilder html = start("WhatsApp sandbox");
        html.append("<h1>WhatsApp sandbox</h1><p>Messages in memory: ").append(messages.size()).append("</p>");
        if (phones.isEmpty()) {
            html.append("<p>No message sent yet.</p>");
        } else {
            html.append("<table><tr><th>Phone</th><th>Messages</th><th>Last</th></tr>");
            for (String phone : phones) {
                List<Message> to = messages.stream().filter(m -> m.to().equals(phone)).toList();
                Message last = to.get(to.size() - 1);
                html.append("<tr><td><a href=\"/conversations/").append(url(phone)).append("\">+")
                        .append(escape(phone)).append("</a></td><td>").append(to.size()).append("</td><td>")
                        .append(escape(summary(last))).append(" (").append(escape(last.status())).append(")</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    static String conversationPage(String phone, List<Message> messages) {
        StringBuilder html = start("+" + phone + " - WhatsApp sandbox");
        html.append("<p><a href=\"/\">All numbers</a></p><h1>+").append(escape(phone)).append("</h1>");
        if (messages.isEmpty()) {
            html.append("<p>No message to this number.</p>");
        }
        for (Message message : messages) {
            html.append("<div class=\"msg").append(Message.FAILED.equals(message.status()) ? " failed" : "")
                    .append("\">");
            if (message.templateName() != null) {
                html.append("<p><b>Template</b> <code>").append(escape(message.templateName()))
                        .append("</code> (").append(escape(message.language())).append(")</p>");
                if (!message.parameters().isEmpty()) {
                    html.append("<ol>");
                    for (String parameter : message.parameters()) {
                        html.append("<li>").append(escape(parameter)).append("</li>");
                    }
                    html.append("</ol>");
                }
            } else {
                html.append("<p style=\"white-space:pre-wrap\">").append(escape(message.text())).append("</p>");
            }
            html.append("<p class=\"meta\">").append(TIME.format(message.created())).append(" WIB &middot; status <b>")
                    .append(escape(message.status())).append("</b> &middot; <code>").append(escape(message.id()))
                    .append("</code></p>");
            if (Message.DELIVERED.equals(message.status())) {
                html.append("<form method=\"post\" action=\"/conversations/").append(url(phone)).append("/messages/")
                        .append(url(message.id())).append("/read\"><button>Dibaca / Mark read</button></form>");
            }
            html.append("</div>");
        }
        return html.append("</body></html>").toString();
    }

    private static String summary(Message message) {
        return message.templateName() != null ? message.templateName() : message.text();
    }

    private static StringBuilder start(String title) {
        return new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title><style>").append(STYLE).append("</style></head><body>");
    }

    private static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
