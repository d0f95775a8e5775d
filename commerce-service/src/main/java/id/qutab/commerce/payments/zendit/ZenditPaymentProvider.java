package id.qutab.commerce.payments.zendit;

import id.qutab.commerce.payments.PaymentProvider;
import id.qutab.commerce.payments.PaymentProviderException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link PaymentProvider} on Zendit. Creating uses our payment id as {@code external_id} and
 * {@code X-IDEMPOTENCY-KEY}. Only the status query is retried (it is safe to repeat); creating and expiring
 * are not, a failure there is reported to the caller, who decides.
 */
@ApplicationScoped
public class ZenditPaymentProvider implements PaymentProvider {

    private static final Logger LOG = Logger.getLogger(ZenditPaymentProvider.class);

    @Inject
    @RestClient
    ZenditApi api;

    @Inject
    ZenditConfig config;

    @Override
    public String name() {
        return "zendit";
    }

    @Override
    public ProviderInvoice createInvoice(InvoiceRequest r) {
        ZenditCreateInvoice body = new ZenditCreateInvoice(r.paymentId().toString(), r.amount(), r.payerEmail(),
                r.description(), Math.max(1, r.validFor().toSeconds()), r.successRedirectUrl(), r.failureRedirectUrl(),
                "IDR", r.items().stream().map(i -> new ZenditCreateInvoice.Item(i.name(), i.quantity(), i.price(),
                i.category())).toList());
        return call("create invoice", () -> api.create(r.paymentId().toString(), body));
    }

    @Override
    public ProviderInvoice getInvoice(String invoiceId) {
        PaymentProviderException last = null;
        for (int attempt = 1; attempt <= Math.max(1, config.getAttempts()); attempt++) {
            try {
                return call("get invoice", () -> api.get(invoiceId));
            } catch (PaymentProviderException e) {
                if (e.rejected()) {
                    throw e;
                }
                last = e;
                LOG.debugf("get invoice %s failed (attempt %d): %s", invoiceId, attempt, e.getMessage());
                sleep(200L * attempt * attempt);
            }
        }
        throw last;
    }

    @Override
    public Optional<ProviderInvoice> findByExternalId(UUID paymentId) {
        PaymentProviderException last = null;
        for (int attempt = 1; attempt <= Math.max(1, config.getAttempts()); attempt++) {
            try {
                List<ZenditInvoice> found = api.byExternalId(paymentId.toString());
                // one per external_id, since creation is idempotent on the payment id; the newest otherwise
                return found == null ? Optional.empty() : found.stream().filter(i -> i != null && i.id() != null)
                        .reduce((first, second) -> second).map(ZenditInvoice::toProviderInvoice);
            } catch (WebApplicationException e) {
                int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
                last = new PaymentProviderException("Zendit list invoices: HTTP " + status, status, e);
                if (last.rejected()) {
                    throw last;
                }
            } catch (ProcessingException e) {
                last = new PaymentProviderException("Zendit list invoices: " + e.getMessage(), 0, e);
            }
            sleep(200L * attempt * attempt);
        }
        throw last;
    }

    @Override
    public ProviderInvoice expireInvoice(String invoiceId) {
        return call("expire invoice", () -> api.expire(invoiceId));
    }

    private static ProviderInvoice call(String what, Supplier<ZenditInvoice> request) {
        try {
            ZenditInvoice invoice = request.get();
            if (invoice == null || invoice.id() == null) {
                throw new PaymentProviderException("Zendit " + what + ": empty answer", 502, null);
            }
            return invoice.toProviderInvoice();
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 502 : e.getResponse().getStatus();
            throw new PaymentProviderException("Zendit " + what + ": HTTP " + status, status, e);
        } catch (ProcessingException e) {
            throw new PaymentProviderException("Zendit " + what + ": " + e.getMessage(), 0, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
