package id.qutab.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.Map;
import java.util.Optional;

/** Where the other services are: {@code qutab.services.<name>.url} (env {@code QUTAB_SERVICES_<NAME>_URL}). */
@ConfigMapping(prefix = "qutab.services")
public interface ServiceDirectory {

    @WithParentName
    Map<String, Endpoint> endpoints();

    default Optional<String> url(String service) {
        return Optional.ofNullable(endpoints().get(service)).map(Endpoint::url);
    }

    interface Endpoint {
        String url();
    }
}
