package id.qutab.zendit.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one sandbox invoice (it does not change when the invoice does; ask
 * {@link ZenditSandbox#invoice(String)} again).
 *
 * @param id                 24 hex characters, like Xendit's
 * @param externalId         the merchant's reference ({@code external_id})
 * @param status             {@code PENDING}, {@code PAID}, {@code SETTLED} or {@code EXPIRED}
 * @param amount             in Rupiah
 * @param paidAmount         set once paid (may differ from {@code amount} when a test asks for it)
 * @param payerEmail         may be {@code null}
 * @param description        may be {@code null}
 * @param created            creation time (millisecond precision)
 * @param expiryDate         when a still pending invoice expires
 * @param paidAt             set once paid
 * @param invoiceUrl         the payment page
 * @param paymentMethod      set once paid ({@code BANK_TRANSFER})
 * @param paymentChannel     set once paid ({@code BCA})
 * @param successRedirectUrl may be {@code null}
 * @param failureRedirectUrl may be {@code null}
 * @param items              the line items as sent ({@code name}, {@code quantity}, {@code price}, ...), never {@code null}
 */
public record Invoice(
        String id,
        String externalId,
        String status,
        long amount,
        Long paidAmount,
        String payerEmail,
        String description,
        Instant created,
        Instant expiryDate,
        Instant paidAt,
        String invoiceUrl,
        String paymentMethod,
        String paymentChannel,
        String successRedirectUrl,
        String failureRedirectUrl,
        List<Map<String, Object>> items) {

    public static final String PENDING = "PENDING";
    public static final String PAID = "PAID";
    public static final String SETTLED = "SETTLED";
    public static final String EXPIRED = "EXPIRED";

    public Invoice {
        List<Map<String, Object>> copy = new ArrayList<>();
        if (items != null) {
            for (Map<String, Object> item : items) {
                copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
            }
        }
        items = Collections.unmodifiableList(copy);
    }

    /** {@code PAID} or {@code SETTLED}. */
    public boolean isPaid() {
        return PAID.equals(status) || SETTLED.equals(status);
    }

    Invoice withStatus(String newStatus) {
        return new Invoice(id, externalId, newStatus, amount, paidAmount, payerEmail, description, created, expiryDate,
                paidAt, invoiceUrl, paymentMethod, paymentChannel, successRedirectUrl, failureRedirectUrl, items);
    }

    Invoice paid(long newPaidAmount, Instant newPaidAt, String method, String channel) {
        return new Invoice(id, externalId, PAID, amount, newPaidAmount, payerEmail, description, created, expiryDate,
                newPaidAt, invoiceUrl, method, channel, successRedirectUrl, failureRedirectUrl, items);
    }
}
