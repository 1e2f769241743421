package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void lineKeepsInsertionOrder() {
        Summary summary = new Summary()
                .put("runtime", "kubernetes")
                .put("count", 10000)
                .put("ready_seconds", 41.23456, 3)
                .put("p50_ms", 87.6, 0);

        assertThat(summary.line()).isEqualTo("runtime=kubernetes count=10000 ready_seconds=41.235 p50_ms=88");
    }

    @Test
    void nonFiniteValueIsWrittenAsNan() {
        Summary summary = new Summary().put("p99_ms", Double.NaN, 0);

        assertThat(summary.line()).isEqualTo("p99_ms=nan");
    }

    @Test
    void lineParsesBackToPairs() {
        String line = new Summary().put("runtime", "local").put("load_start", "1.00,2.00,3.00").line();

        Map<String, String> parsed = Summary.parse(line);

        assertThat(List.copyOf(parsed.keySet())).containsExactly("runtime", "load_start");
        assertThat(parsed).containsEntry("load_start", "1.00,2.00,3.00");
    }

    @Test
    void valueWithSpaceIsRejected() {
        assertThatThrownBy(() -> new Summary().put("machine", "2 cores"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machine");
    }
}
