package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void burstPassesWithoutWaiting() {
        ClientRateLimiter limiter = new ClientRateLimiter(20, 50, now::get);

        for (int i = 0; i < 50; i++) {
            assertThat(limiter.reserve()).as("request %d", i).isZero();
        }
    }

    @Test
    void requestBeyondBurstWaitsOneInterval() {
        ClientRateLimiter limiter = new ClientRateLimiter(20, 2, now::get);
        limiter.reserve();
        limiter.reserve();

        assertThat(limiter.reserve()).isEqualTo(50_000_000L);
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void tokensRefillAtQpsUpToBurst() {
        ClientRateLimiter limiter = new ClientRateLimiter(10, 3, now::get);
        limiter.reserve();
        limiter.reserve();
        limiter.reserve();

        now.addAndGet(60_000_000_000L);

        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isZero();
        assertThat(limiter.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void zeroQpsIsRejected() {
        assertThatThrownBy(() -> new ClientRateLimiter(0, 50, now::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--kube-api-qps");
    }
}
