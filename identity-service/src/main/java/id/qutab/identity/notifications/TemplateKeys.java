package id.qutab.identity.notifications;

import java.util.Map;
import java.util.Set;

/**
 * The WhatsApp templates identity sends (CONTRACTS12) and the variables each message fills. An admin may
 * reword them, but a body may only use the variables its message provides: one it does not would reach the
 * customer as a {@code -}. Templates with other keys (nothing sends them yet) may use any variable.
 */
public final class TemplateKeys {

    public static final String ORDER_PAID = "order_paid";
    public static final String ORDER_DISTRIBUTED = "order_distributed";
    public static final String AFFILIATE_APPROVED = "affiliate_approved";
    public static final String PAYOUT_PAID = "payout_paid";
    public static final String LOYALTY_POINTS_EARNED = "loyalty_points_earned";
    public static final String LOYALTY_TIER_UPGRADED = "loyalty_tier_upgraded";
    /** The plain birthday greeting; {@link #REMINDER_BIRTHDAY_GIFT} when commerce sends a coupon with it. */
    public static final String REMINDER_BIRTHDAY = "reminder_birthday";
    public static final String REMINDER_BIRTHDAY_GIFT = "reminder_birthday_gift";
    public static final String REMINDER_AQIQAH = "reminder_aqiqah";
    public static final String REMINDER_QURBAN = "reminder_qurban";

    static final Map<String, Set<String>> VARIABLES = Map.of(
            ORDER_PAID, Set.of("customerName", "orderNumber", "total", "receiptLink"),
            ORDER_DISTRIBUTED, Set.of("customerName", "orderNumber", "photoLink"),
            AFFILIATE_APPROVED, Set.of("name", "code", "referralLink"),
            PAYOUT_PAID, Set.of("name", "amount"),
            LOYALTY_POINTS_EARNED, Set.of("name", "points", "balance"),
            LOYALTY_TIER_UPGRADED, Set.of("name", "tier"),
            REMINDER_BIRTHDAY, Set.of("name", "personName"),
            REMINDER_BIRTHDAY_GIFT, Set.of("name", "personName", "couponCode"),
            REMINDER_AQIQAH, Set.of("name", "personName", "link"),
            REMINDER_QURBAN, Set.of("name", "eidDate", "link"));

    /** Categories whose messages need the "transactional" choice; the others need "promotions". */
    static final Set<String> TRANSACTIONAL = Set.of("order", "payout", "affiliate", "loyalty");

    private TemplateKeys() {
    }
}
