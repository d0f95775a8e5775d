package id.qutab.platform.support;

import id.qutab.platform.outbox.RelayClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The relay's clock in the platform's tests: real time plus an offset a test can advance (hours in a second). */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestRelayClock extends RelayClock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant now() {
        return super.now().plus(offset.get());
    }

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }
}
