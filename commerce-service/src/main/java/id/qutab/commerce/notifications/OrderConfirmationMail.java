package id.qutab.commerce.notifications;

import id.qutab.commerce.customers.Customer;
import id.qutab.commerce.customers.CustomerDirectory;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderEventPublisher;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Sends the order confirmation when commerce consumes its own {@code commerce.order.paid} (subscription
 * {@code qutab.outbox.subscriptions.commerce}). An order is paid once, so there is one such event (a repeated
 * payment callback records none), and the inbox runs this once per delivered event. That is at least once, not
 * exactly once: the mail leaves before the inbox transaction commits, so a failure after sending (the commit, a
 * crash) redelivers the event and mails again; a failing SMTP server fails the handling, and the redelivery
 * retries. Indonesian or English by the customer's locale.
 */
@ApplicationScoped
public class OrderConfirmationMail {

    private static final Logger LOG = Logger.getLogger(OrderConfirmationMail.class);
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm 'WIB'").withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    Mailer mailer;

    @Inject
    CustomerDirectory customers;

    @Location("mail/order-paid-id.html")
    Template indonesian;

    @Location("mail/order-paid-en.html")
    Template english;

    @TemplateData
    public record Line(String name, int quantity, String amount, String onBehalfOf) {
    }

    @TemplateData
    public record Model(String customerName, String number, List<Line> lines, String subtotal, String discount,
                        boolean hasDiscount, String total, String recipient, String location, String paidAt) {
    }

    void onPaid(@Observes @EventType(OrderEventPublisher.PAID) EventEnvelope event) {
        UUID orderId = UUID.fromString(event.payload().path("orderId").asText());
        Order order = Order.findById(orderId);
        if (order == null) {
            LOG.warnf("event %s: order %s is unknown; no confirmation mail", event.id(), orderId);
            return;
        }
        Customer customer = customers.find(order.userId).orElse(null);
        if (customer == null || customer.email == null || customer.email.isBlank()) {
            LOG.warnf("order %s: no e-mail address known for its customer; no confirmation mail", order.number);
            return;
        }
        boolean en = "en".equals(customer.locale);
        Model model = new Model(customer.name == null ? order.recipientName : customer.name, order.number,
                order.lines.stream().map(l -> new Line(l.productName, l.quantity, Rupiah.format(l.paidAmount),
                        String.join(", ", l.onBehalfOf))).toList(),
                Rupiah.format(order.subtotal), Rupiah.format(order.discount), order.discount > 0,
                Rupiah.format(order.total), order.recipientName, order.recipientLocation,
                order.paidAt == null ? "-" : WHEN.format(order.paidAt));
        String html = (en ? english : indonesian).data("m", model).render();
        String subject = en ? "Payment received - order " + order.number
                : "Pembayaran diterima - pesanan " + order.number;
        mailer.send(Mail.withHtml(customer.email, subject, html));
        LOG.infof("order %s: confirmation mailed", order.number);
    }
}
