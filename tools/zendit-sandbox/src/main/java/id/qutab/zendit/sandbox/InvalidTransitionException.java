package id.qutab.zendit.sandbox;

/**
 * A state change the invoice's current status does not allow (e.g. {@code EXPIRED} after {@code PAID}). Callers of
 * the Java API see an {@link IllegalStateException}; the HTTP hook answers 409 with {@link #errorCode()}.
 */
final class InvalidTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final String currentStatus;

    InvalidTransitionException(String errorCode, String currentStatus, String message) {
        super(message);
        this.errorCode = errorCode;
        this.currentStatus = currentStatus;
    }

    String errorCode() {
        return errorCode;
    }

    String currentStatus() {
        return currentStatus;
    }
}
