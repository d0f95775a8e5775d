package id.qutab.commerce.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code GET /api/support/contact}: who customers reach and with which prefilled WhatsApp message. */
@ConfigMapping(prefix = "qutab.support")
public interface SupportConfig {

    /**
     * The support WhatsApp number in E.164 ({@code +62...}). The default is a placeholder, not a real line:
     * production sets {@code QUTAB_SUPPORT_WHATSAPP}.
     */
    @WithDefault("+6281100000000")
    String whatsapp();

    @WithDefault("halo@qutab.id")
    String email();

    /** Opening hours as shown to customers (one text, Indonesian: the customers' language). */
    @WithDefault("Senin–Sabtu, 08.00–20.00 WIB")
    String hours();

    /** The message prefilled in WhatsApp when the customer asks from anywhere but their own order. */
    @WithDefault("Halo Qutab, saya butuh bantuan.")
    String message();

    /** The message prefilled when the customer asks from their own order; {@code {orderNumber}} is replaced. */
    @WithDefault("Halo Qutab, saya butuh bantuan untuk pesanan {orderNumber}.")
    String orderMessage();
}
