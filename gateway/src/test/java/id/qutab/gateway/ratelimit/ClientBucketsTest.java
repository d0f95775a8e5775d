package id.qutab.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientBucketsTest {

    private final AtomicLong clock = new AtomicLong();

    @Test
    void eachClientHasItsOwnBucket() {
        ClientBuckets buckets = new ClientBuckets(2, Duration.ofHours(1), 100, clock::get);
        assertTrue(buckets.tryConsume("1.1.1.1").isConsumed());
        assertTrue(buckets.tryConsume("1.1.1.1").isConsumed());
        assertFalse(buckets.tryConsume("1.1.1.1").isConsumed());
        assertTrue(buckets.tryConsume("2.2.2.2").isConsumed());
    }

    @Test
    void idleClientsAreForgottenAfterARefillPeriod() {
        ClientBuckets buckets = new ClientBuckets(5, Duration.ofMinutes(1), 100, clock::get);
        buckets.tryConsume("1.1.1.1");
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        buckets.tryConsume("2.2.2.2");
        assertEquals(2, buckets.trackedClients());
        clock.addAndGet(Duration.ofSeconds(31).toNanos());
        buckets.tryConsume("3.3.3.3");
        // 1.1.1.1 was idle for 61 s (its bucket is full again), 2.2.2.2 only for 31 s.
        assertEquals(2, buckets.trackedClients());
    }

    @Test
    void memoryIsBoundedByTheLeastRecentlyUsedClient() {
        ClientBuckets buckets = new ClientBuckets(1, Duration.ofHours(1), 2, clock::get);
        assertTrue(buckets.tryConsume("a").isConsumed());
        assertTrue(buckets.tryConsume("b").isConsumed());
        assertFalse(buckets.tryConsume("a").isConsumed());
        assertTrue(buckets.tryConsume("c").isConsumed());
        assertEquals(2, buckets.trackedClients());
        // "b" was the least recently used and was dropped; "a" is still limited.
        assertFalse(buckets.tryConsume("a").isConsumed());
        assertTrue(buckets.tryConsume("b").isConsumed());
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndNeverZero() {
        assertEquals(1, RateLimits.retryAfterSeconds(0));
        assertEquals(1, RateLimits.retryAfterSeconds(1));
        assertEquals(1, RateLimits.retryAfterSeconds(1_000_000_000L));
        assertEquals(2, RateLimits.retryAfterSeconds(1_000_000_001L));
    }

    @Test
    void ipv6ClientsAreKeyedByTheirSlash64() {
        assertEquals(RateLimits.clientKey("2001:db8:1:2::1"), RateLimits.clientKey("2001:db8:1:2:ffff::9"));
        assertFalse(RateLimits.clientKey("2001:db8:1:2::1").equals(RateLimits.clientKey("2001:db8:1:3::1")));
        assertEquals("203.0.113.7", RateLimits.clientKey("203.0.113.7"));
        assertEquals("not-an-address", RateLimits.clientKey("not-an-address"));
    }
}
