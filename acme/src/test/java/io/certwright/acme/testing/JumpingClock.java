package io.certwright.acme.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock that reads the system clock plus an offset that a test moves forward in jumps. Thread-safe.
 *
 * <p>Controllers that talk to a real ACME server need time to pass: self-check retries and rate-limited
 * requeues are measured on their clock, so a frozen clock would leave them waiting forever. A jump still
 * moves every timing rule at once, such as the hour of failed-issuance backoff.
 */
public final class JumpingClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code distance}. */
    public void jump(Duration distance) {
        if (distance.isNegative()) {
            throw new IllegalArgumentException("a JumpingClock only moves forward, got " + distance);
        }
        offset.updateAndGet(current -> current.plus(distance));
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("JumpingClock runs in UTC only, got " + zone);
    }
}
