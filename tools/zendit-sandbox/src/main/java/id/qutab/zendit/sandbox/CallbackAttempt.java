package id.qutab.zendit.sandbox;

import java.time.Instant;

/**
 * One callback POST the sandbox tried.
 *
 * @param invoiceId  the invoice it was about
 * @param status     the status it announced ({@code PAID} or {@code EXPIRED})
 * @param httpStatus the receiver's HTTP status, {@code 0} when no response came (connection refused, timeout,
 *                   no callback URL configured)
 * @param error      {@code null} on a 2xx, else what went wrong ({@code "HTTP 500"}, the connection error)
 * @param at         when the attempt finished
 */
public record CallbackAttempt(String invoiceId, String status, int httpStatus, String error, Instant at) {

    /** The receiver answered 2xx. */
    public boolean succeeded() {
        return error == null && httpStatus >= 200 && httpStatus < 300;
    }
}
