package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LivenessChecksTest {
    private final AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-12-01T00:00:00Z"));
    private final AtomicLong monotonic = new AtomicLong();
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return wall.get();
        }
    };

    @Test
    void healthyChecksReturn200() {
        LivenessChecks checks = new LivenessChecks(Optional::empty, clock, monotonic::get);

        HttpEndpoints.Response response = checks.livez();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().toString())
                .isEqualTo("[+]leaderElection ok\n[+]clockHealth ok\nlivez check passed\n");
    }

    @Test
    void failedWatchdogReturns500WithReason() {
        LivenessChecks checks = new LivenessChecks(() -> Optional.of("the Lease was last renewed 90 s ago"), clock,
                monotonic::get);

        HttpEndpoints.Response response = checks.livez();

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().toString())
                .contains("[-]leaderElection failed: the Lease was last renewed 90 s ago");
    }

    @Test
    void wallClockJumpBeyondFiveMinutesFails() {
        LivenessChecks checks = new LivenessChecks(Optional::empty, clock, monotonic::get);

        wall.set(wall.get().plus(Duration.ofMinutes(6)));
        monotonic.addAndGet(Duration.ofSeconds(10).toNanos());

        assertThat(checks.livez().status()).isEqualTo(500);
        assertThat(checks.livez().body().toString()).contains("[-]clockHealth failed");
    }

    @Test
    void clocksAdvancingTogetherStayHealthy() {
        LivenessChecks checks = new LivenessChecks(Optional::empty, clock, monotonic::get);

        wall.set(wall.get().plus(Duration.ofHours(2)));
        monotonic.addAndGet(Duration.ofHours(2).toNanos());

        assertThat(checks.livez().status()).isEqualTo(200);
    }
}
