package id.qutab.whatsapp.sandbox;

import java.time.Instant;

/**
 * One try to deliver a status webhook.
 *
 * @param messageId  the {@code wamid.} the status is about
 * @param status     {@code sent}, {@code delivered}, {@code read} or {@code failed}
 * @param attempt    1 for the first try
 * @param httpStatus the receiver's answer, 0 when there was none
 * @param error      {@code null} when delivered (2xx), else why not
 */
public record WebhookAttempt(String messageId, String status, int attempt, int httpStatus, String error, Instant at) {

    public boolean delivered() {
        return error == null;
    }
}
