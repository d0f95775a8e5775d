package id.qutab.commerce.payments.zendit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.List;

/** {@code POST /v2/invoices} body. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ZenditCreateInvoice(
        @JsonProperty("external_id") String externalId,
        long amount,
        @JsonProperty("payer_email") String payerEmail,
        String description,
        @JsonProperty("invoice_duration") long invoiceDuration,
        @JsonProperty("success_redirect_url") String successRedirectUrl,
        @JsonProperty("failure_redirect_url") String failureRedirectUrl,
        String currency,
        List<Item> items) {

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String name, int quantity, long price, String category) {
    }
}
