package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    @Test
    void nearestRankOfHundredSamples() {
        List<Long> nanos = new ArrayList<>();
        for (long millis = 100; millis >= 1; millis--) {
            nanos.add(millis * 1_000_000);
        }

        Percentiles percentiles = new Percentiles(nanos);

        assertThat(percentiles.millis(50)).isEqualTo(50.0);
        assertThat(percentiles.millis(99)).isEqualTo(99.0);
        assertThat(percentiles.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void singleSampleIsEveryPercentile() {
        Percentiles percentiles = new Percentiles(List.of(7_000_000L));

        assertThat(percentiles.millis(50)).isEqualTo(7.0);
        assertThat(percentiles.millis(99)).isEqualTo(7.0);
    }

    @Test
    void emptySampleIsNan() {
        assertThat(new Percentiles(List.of()).millis(50)).isNaN();
    }
}
