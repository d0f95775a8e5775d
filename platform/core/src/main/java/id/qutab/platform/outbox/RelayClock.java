package id.qutab.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;

/**
 * The time the relay works by: due times, leases, backoff, the age limit before a row is dead, and the lag
 * metric. Every outbox statement takes its time from here as a parameter instead of the database's
 * {@code now()}, so a test can replace this bean and let hours of outage pass in seconds.
 * Replicas therefore rely on synchronised clocks (NTP), which the lease already did.
 */
@ApplicationScoped
public class RelayClock {

    private final Clock clock = Clock.systemUTC();

    public Instant now() {
        return clock.instant();
    }
}
