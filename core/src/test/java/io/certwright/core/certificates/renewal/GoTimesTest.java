package io.certwright.core.certificates.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GoTimesTest {

    @Test
    void formatsWholeSecondsLikeGo() {
        assertThat(GoTimes.format(Instant.parse("2026-01-02T15:04:05Z"))).isEqualTo("2026-01-02 15:04:05 +0000 UTC");
    }

    @Test
    void formatsFractionWithoutTrailingZeros() {
        assertThat(GoTimes.format(Instant.parse("2026-01-02T15:04:05.120Z"))).isEqualTo("2026-01-02 15:04:05.12 +0000 UTC");
    }

    @Test
    void formatsNullAsNil() {
        assertThat(GoTimes.format(null)).isEqualTo("<nil>");
    }

    @Test
    void formatsRfc1123WithTwoDigitDay() {
        assertThat(GoTimes.formatRfc1123(Instant.parse("2026-01-02T15:04:05Z"))).isEqualTo("Fri, 02 Jan 2026 15:04:05 UTC");
    }
}
