package id.qutab.platform.notify;

/**
 * The provider refused a message in a way a retry cannot change (an invalid number, a template it does not have,
 * the wrong parameter count): the sender marks it {@code FAILED} at once instead of retrying it until it expires.
 * The message must say what was refused without personal data (codes and the provider's title, not the recipient).
 */
public class PermanentDeliveryException extends Exception {

    public PermanentDeliveryException(String message) {
        super(message);
    }
}
