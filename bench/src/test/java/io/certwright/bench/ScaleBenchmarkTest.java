package io.certwright.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScaleBenchmarkTest {
    @Test
    void smallRunPrintsKeyValueSummary() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ScaleBenchmark.main(new String[] {"--runtime", "local", "--count", "5"});
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        Map<String, String> summary = Summary.parse(lines.get(lines.size() - 1));

        assertThat(summary).containsEntry("runtime", "local").containsEntry("count", "5");
        assertThat(Double.parseDouble(summary.get("issuances_per_second"))).isPositive();
        assertThat(Double.parseDouble(summary.get("floor_per_second"))).isPositive();
        assertThat(Double.parseDouble(summary.get("ready_seconds"))).isPositive();
        assertThat(summary).containsKey("heap_bytes_per_certificate");
        assertThat(Double.parseDouble(summary.get("p50_ms"))).isNotNegative();
        assertThat(Double.parseDouble(summary.get("p99_ms")))
                .isGreaterThanOrEqualTo(Double.parseDouble(summary.get("p50_ms")));
        assertThat(summary).containsKeys("cpu_seconds", "nproc", "load_start", "load_end");
    }
}
