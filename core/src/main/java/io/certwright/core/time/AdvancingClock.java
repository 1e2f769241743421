package io.certwright.core.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock plus an offset that a test or benchmark moves forward in jumps.
 * Thread-safe.
 *
 * <p>A runtime against a real API server cannot run on the frozen {@link MutableClock}. Write conflicts
 * are retried after a rate-limited delay measured on the controllers' clock, and a clock that never moves
 * leaves those retries waiting forever. Event names also carry the clock's nanoseconds, as client-go's do, so
 * two Events about one object recorded at the same reading collide and the second is lost. This clock keeps
 * the system clock's resolution. The core's controller workers re-read the clock at least once a second, so work
 * that a jump makes due starts within about a second.
 */
public final class AdvancingClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward by {@code distance}. */
    public void jump(Duration distance) {
        if (distance.isNegative()) {
            throw new IllegalArgumentException("an AdvancingClock only moves forward, got " + distance);
        }
        offset.updateAndGet(current -> current.plus(distance));
    }

    /** Moves the clock forward so that it reads {@code target}; fails when the clock is already past it. */
    public void jumpTo(Instant target) {
        Duration distance = Duration.between(instant(), target);
        if (distance.isNegative()) {
            throw new IllegalStateException("the clock reads " + instant() + ", already past " + target);
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
        throw new UnsupportedOperationException("AdvancingClock runs in UTC only, got " + zone);
    }
}
