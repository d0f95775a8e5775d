package id.qutab.identity.notifications;

import id.qutab.platform.events.EventEnvelope;
import id.qutab.platform.events.EventType;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.web.FrontendConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;

/** {@code commerce.order.paid} → {@code order_paid} (receipt link); {@code commerce.order.distributed} → the photo. */
@ApplicationScoped
public class OrderMessages {

    private static final Logger LOG = Logger.getLogger(OrderMessages.class);
    static final String PAID = "commerce.order.paid";
    static final String DISTRIBUTED = "commerce.order.distributed";

    @Inject
    WhatsAppMessages whatsapp;

    @Inject
    FrontendConfig frontend;

    @Inject
    NotificationsConfig config;

    void onPaid(@Observes @EventType(PAID) EventEnvelope event) {
        UUID orderId = Payloads.uuid(event.payload(), "orderId");
        UUID userId = Payloads.uuid(event.payload(), "userId");
        if (orderId == null || userId == null) {
            LOG.warnf("event %s: %s without orderId or userId; no WhatsApp", event.id(), PAID);
            return;
        }
        String number = Payloads.text(event.payload(), "number");
        Long total = Payloads.number(event.payload(), "total");
        whatsapp.send(userId, TemplateKeys.ORDER_PAID, event.id().toString(), to -> Map.of(
                "customerName", to.name(),
                "orderNumber", number == null ? "-" : number,
                "total", total == null ? "-" : Rupiah.format(total),
                "receiptLink", receipt(orderId)));
    }

    void onDistributed(@Observes @EventType(DISTRIBUTED) EventEnvelope event) {
        UUID orderId = Payloads.uuid(event.payload(), "orderId");
        UUID userId = Payloads.uuid(event.payload(), "userId");
        if (orderId == null || userId == null) {
            LOG.warnf("event %s: %s without orderId or userId; no WhatsApp", event.id(), DISTRIBUTED);
            return;
        }
        String number = Payloads.text(event.payload(), "number");
        String photo = absolute(Payloads.text(event.payload(), "photoUrl"));
        whatsapp.send(userId, TemplateKeys.ORDER_DISTRIBUTED, event.id().toString(), to -> Map.of(
                "customerName", to.name(),
                "orderNumber", number == null ? "-" : number,
                // no photo yet: the order's page shows the tracking
                "photoLink", photo == null ? receipt(orderId) : photo));
    }

    /** The order's page in the web frontend, which shows the receipt (and the invoice while unpaid). */
    String receipt(UUID orderId) {
        return frontend.base() + "orders/" + orderId;
    }

    /** Uploaded photos are {@code /media/orders/…} on the gateway; a customer's phone needs the whole URL. */
    String absolute(String photoUrl) {
        if (photoUrl == null || photoUrl.isBlank()) {
            return null;
        }
        String url = photoUrl.trim();
        if (url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7)) {
            return url;
        }
        return config.publicBase(frontend) + (url.startsWith("/") ? url.substring(1) : url);
    }
}
