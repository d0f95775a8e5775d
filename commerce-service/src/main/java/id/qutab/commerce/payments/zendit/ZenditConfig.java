package id.qutab.commerce.payments.zendit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Zendit (Xendit Invoice v2 shape). The REST client's URL and timeouts are {@code quarkus.rest-client.zendit.*}. */
@ConfigMapping(prefix = "qutab.zendit")
public interface ZenditConfig {

    /** API base, e.g. the local sandbox {@code http://localhost:8090}. */
    String baseUrl();

    /** API key, sent as the Basic-auth user with an empty password. */
    Optional<String> secretKey();

    /** Expected {@code x-callback-token} of callbacks; none configured → every callback is refused. */
    Optional<String> callbackToken();

    /** Where the payment page sends the customer afterwards; {@code {orderId}} is replaced. */
    @WithDefault("http://localhost:8080/orders/{orderId}?payment=success")
    String successRedirectUrl();

    @WithDefault("http://localhost:8080/orders/{orderId}?payment=failed")
    String failureRedirectUrl();

    /**
     * Declares that {@code base-url} is the Zendit sandbox (a local run). Production refuses to start on a
     * plain-http provider URL unless this is set ({@link ProviderStartupCheck}).
     */
    @WithDefault("false")
    boolean sandbox();

    /** Attempts of idempotent calls (GET) on connection errors and 5xx; creating and expiring are never retried. */
    @WithDefault("3")
    int getAttempts();
}
