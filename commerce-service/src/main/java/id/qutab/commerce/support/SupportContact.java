package id.qutab.commerce.support;

import id.qutab.commerce.orders.Order;
import id.qutab.platform.web.Urls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * The support contact. The order number goes into the prefilled message only for the order's owner or an admin:
 * anyone else (another customer, anonymous, an unknown id) gets the generic message, so the link never tells
 * whether an order id exists nor leaks its number. The number is configured as E.164 and may carry separators
 * ({@code +62 812-...}); it is answered as {@code +digits}, and wa.me gets the digits alone.
 */
@ApplicationScoped
public class SupportContact {

    public record Contact(String whatsapp, String email, String hours, String waLink) {
    }

    @Inject
    SupportConfig config;

    /** {@code caller} is null for an anonymous request. */
    @Transactional
    public Contact contact(UUID orderId, UUID caller, boolean admin) {
        String message = config.message();
        if (orderId != null && (caller != null || admin)) {
            Order order = Order.findById(orderId);
            if (order != null && (admin || order.userId.equals(caller))) {
                message = config.orderMessage().replace("{orderNumber}", order.number);
            }
        }
        String digits = config.whatsapp().replaceAll("\\D", "");
        return new Contact("+" + digits, config.email(), config.hours(),
                "https://wa.me/" + digits + "?text=" + Urls.queryValue(message));
    }
}
