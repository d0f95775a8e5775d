package id.qutab.commerce.orders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.order")
public interface OrderConfig {

    /** How long an order waits for payment before the expiry job closes it (fixed on the order at creation). */
    @WithDefault("PT24H")
    Duration paymentWindow();

    /** How long after COMPLETED an admin may still refund. */
    @WithDefault("P30D")
    Duration refundWindow();

    /** Time zone of the date in order numbers ({@code QTB-yyyyMMdd-XXXX}). */
    @WithDefault("Asia/Jakarta")
    String numberZone();
}
