package id.qutab.platform.tx;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "qutab.tx.retry")
public interface TransactionRetryConfig {

    /** Attempts in all (the first one included) of a transaction aborted with SQLSTATE 40001 or 40P01. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt, doubled before each next one, each ×0.5–1.5 so the losers spread out. */
    @WithDefault("20ms")
    Duration backoff();
}
