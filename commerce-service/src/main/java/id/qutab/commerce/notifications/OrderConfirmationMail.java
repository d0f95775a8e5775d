package id.qutab.commerce.notifications;

import id.qutab.commerce.customers.Customer;
import id.qutab.commerce.customers.CustomerDirectory;
import id.qutab.commerce.orders.Order;
import id.qutab.commerce.orders.OrderEventPublisher;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
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
 * The order confirmation, when commerce consumes its own {@code commerce.order.paid} (subscription
 * {@code qutab.outbox.subscriptions.commerce}). Rendered here and only recorded with the platform's
 * {@link Notifications}, in the inbox transaction: no SMTP inside it (a slow or dead SMTP server neither holds the
 * transaction nor dead-letters the event; a failed commit mails nothing). The platform sends it after the commit
 * and retries while SMTP is down. Once per event and recipient (dedupe key: the event id), so a paid order is
 * recorded once even when the payment news arrives twice
 * (sending is at least once: a crash between SMTP's acceptance and the SENT mark sends it again). Indonesian or English by the customer's locale.
 */
@ApplicationScoped
public class OrderConfirmationMail {

    private static final Logger LOG = Logger.getLogger(OrderConfirmationMail.class);
    static final String TEMPLATE = "commerce.order-paid";
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm 'WIB'").withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    Notifications notifications;

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
        if (notifications.record(Message.mail(TEMPLATE, event.id().toString(), customer.email)
                .withLocale(en ? "en" : "id").withSubject(subject).withHtml(html))) {
            LOG.infof("order %s: confirmation mail recorded", order.number);
        }
    }
}
