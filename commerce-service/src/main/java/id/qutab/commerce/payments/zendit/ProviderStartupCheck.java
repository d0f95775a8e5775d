package id.qutab.commerce.payments.zendit;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Production refuses to start without a real payment provider: without it every order would be taken and never
 * payable, or worse, "paid" on the sandbox, whose pay page needs no login. A provider is an https URL with a
 * secret key and a callback token; a plain-http URL (the default {@code http://localhost:8090} included) is the
 * sandbox and must be declared with {@code qutab.zendit.sandbox=true} (local runs: the launcher, compose's local
 * profile). Dev and test runs are not checked.
 */
@ApplicationScoped
public class ProviderStartupCheck {

    private static final Logger LOG = Logger.getLogger(ProviderStartupCheck.class);

    @Inject
    ZenditConfig config;

    void check(@Observes StartupEvent start) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        List<String> problems = problems(Optional.ofNullable(config.baseUrl()), config.sandbox(), config.secretKey(),
                config.callbackToken());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("commerce-service refuses to start without a payment provider: "
                    + String.join("; ", problems));
        }
        if (config.sandbox()) {
            LOG.warnf("payments go to the Zendit SANDBOX at %s (qutab.zendit.sandbox=true): no real money", config.baseUrl());
        }
    }

    /** What is wrong with this provider configuration for production; empty when it may start. */
    public static List<String> problems(Optional<String> baseUrl, boolean sandboxDeclared, Optional<String> secretKey,
                                        Optional<String> callbackToken) {
        List<String> problems = new ArrayList<>();
        String url = baseUrl.map(String::trim).filter(u -> !u.isEmpty()).orElse(null);
        if (url == null) {
            problems.add("qutab.zendit.base-url (QUTAB_ZENDIT_BASE_URL) is not set");
        } else {
            String scheme = null;
            try {
                URI uri = new URI(url);
                scheme = uri.getHost() == null ? null : uri.getScheme();
            } catch (Exception e) {
                // reported below
            }
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
                problems.add("qutab.zendit.base-url is not an http(s) URL: " + url);
            } else if (!scheme.equalsIgnoreCase("https") && !sandboxDeclared) {
                problems.add("qutab.zendit.base-url is " + url + ", a plain-http URL (the sandbox default is "
                        + "http://localhost:8090): set QUTAB_ZENDIT_BASE_URL to the provider's https URL, or for a local "
                        + "run against the Zendit sandbox declare it with QUTAB_ZENDIT_SANDBOX=true");
            }
        }
        if (secretKey.map(String::isBlank).orElse(true)) {
            problems.add("qutab.zendit.secret-key (QUTAB_ZENDIT_SECRET_KEY) is not set");
        }
        if (callbackToken.map(String::isBlank).orElse(true)) {
            problems.add("qutab.zendit.callback-token (QUTAB_ZENDIT_CALLBACK_TOKEN) is not set: every payment callback "
                    + "would be refused");
        }
        return problems;
    }
}
