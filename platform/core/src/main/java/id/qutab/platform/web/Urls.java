package id.qutab.platform.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building links other sites read (wa.me, share dialogs): one encoding rule for every service. */
public final class Urls {

    private Urls() {
    }

    /**
     * A query value percent-encoded as UTF-8, spaces as {@code %20}: {@link URLEncoder} writes form encoding
     * ({@code +}), which share dialogs and wa.me would show literally in the prefilled text.
     */
    public static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
