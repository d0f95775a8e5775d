package id.qutab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * Where the services are: {@code qutab.services.<name>.url} (env {@code QUTAB_SERVICES_<NAME>_URL}), the same
 * keys every service uses, so one environment file configures the whole set.
 */
@ConfigMapping(prefix = "qutab.services")
public interface UpstreamServices {

    @WithParentName
    Map<String, Endpoint> endpoints();

    interface Endpoint {
        String url();
    }
}
