package id.qutab.gateway.edge;

import io.smallrye.common.vertx.ContextLocals;

/**
 * Names what a request was for in the {@code uri} tag of Quarkus' http.server.requests metrics. Without it the
 * binder uses the raw path for 2xx answers, and paths full of order ids would make one time series each.
 */
public final class MetricsUri {

    // The request-context key Quarkus' Micrometer binder reads for the "uri" tag.
    private static final String KEY = "UrlPathTemplate";

    private MetricsUri() {
    }

    public static void tag(String template) {
        ContextLocals.put(KEY, template);
    }
}
