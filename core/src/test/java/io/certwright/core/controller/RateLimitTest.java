package io.certwright.core.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void certificatesDoubleFromOneSecondToThirty() {
        assertThat(IntStream.range(0, 8).mapToObj(RateLimit.CERTIFICATES::delay).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void defaultDoublesFromFiveSecondsToFiveMinutes() {
        assertThat(RateLimit.DEFAULT.delay(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RateLimit.DEFAULT.delay(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(RateLimit.DEFAULT.delay(6)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void acmeCapsAtThirtyMinutes() {
        assertThat(RateLimit.ACME.delay(8)).isEqualTo(Duration.ofSeconds(1280));
        assertThat(RateLimit.ACME.delay(9)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void hugeFailureCountsStayAtMax() {
        assertThat(RateLimit.CERTIFICATES.delay(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void maxBelowBaseIsRejected() {
        assertThatThrownBy(() -> new RateLimit(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
