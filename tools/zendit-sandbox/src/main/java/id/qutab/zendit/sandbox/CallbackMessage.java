package id.qutab.zendit.sandbox;

/**
 * One callback as sent: the same message (same body, same {@code webhook-id}) is what retries and
 * {@link ZenditSandbox#resendLastCallback(String)} send again.
 */
record CallbackMessage(String invoiceId, String status, String webhookId, byte[] body) {
}
