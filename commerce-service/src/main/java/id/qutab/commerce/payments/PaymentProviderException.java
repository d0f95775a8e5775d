package id.qutab.commerce.payments;

/** The provider could not be reached or answered with an error. {@code status} is its HTTP status, 0 if none. */
public class PaymentProviderException extends RuntimeException {

    private final int status;

    public PaymentProviderException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** 4xx: asking again with the same request will not help. */
    public boolean rejected() {
        return status >= 400 && status < 500;
    }
}
