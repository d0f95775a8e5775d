package id.qutab.zendit.sandbox;

import java.time.Instant;

/** The sandbox's mutable record of one invoice; every access holds its monitor. */
final class StoredInvoice {

    Invoice invoice;
    Instant updated;
    /** The last callback produced by a state change, for {@link ZenditSandbox#resendLastCallback(String)}. */
    CallbackMessage lastCallback;

    StoredInvoice(Invoice invoice) {
        this.invoice = invoice;
        this.updated = invoice.created();
    }
}
