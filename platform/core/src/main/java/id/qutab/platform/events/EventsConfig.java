package id.qutab.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.events")
public interface EventsConfig {

    /** Shared secret for the HMAC that authenticates {@code POST /internal/events}; from configuration only. */
    String secret();

    /** How old a signed delivery may be; bounds replays of a captured request. */
    @WithDefault("5m")
    Duration maxSignatureAge();

    /** How long applied event ids are remembered; longer than any redelivery can take. */
    @WithDefault("30d")
    Duration inboxRetention();
}
