package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void counterKeepsNameWithoutTotalSuffix() {
        String text = PrometheusText.write(List.of(new PrometheusText.Family("certmanager_controller_sync_call_count",
                "The number of sync() calls made by a controller.", "counter",
                List.of(PrometheusText.Sample.of(3, "controller", "issuers")))));

        assertThat(text).isEqualTo("""
                # HELP certmanager_controller_sync_call_count The number of sync() calls made by a controller.
                # TYPE certmanager_controller_sync_call_count counter
                certmanager_controller_sync_call_count{controller="issuers"} 3
                """);
    }

    @Test
    void labelValuesAreEscaped() {
        String text = PrometheusText.write(List.of(new PrometheusText.Family("m", "h", "gauge",
                List.of(PrometheusText.Sample.of(1, "name", "a\"b\\c\nd")))));

        assertThat(text).contains("m{name=\"a\\\"b\\\\c\\nd\"} 1\n");
    }

    @Test
    void samplesWriteValuesAndLabelsInOrder() {
        String text = PrometheusText.write(List.of(new PrometheusText.Family("m", "h", "gauge", List.of(
                PrometheusText.Sample.of(1_796_360_767, "name", "web", "namespace", "team-a"),
                PrometheusText.Sample.of(0.25, "name", "api", "namespace", "team-a"),
                PrometheusText.Sample.of(Double.NaN)))));

        assertThat(text).isEqualTo("""
                # HELP m h
                # TYPE m gauge
                m{name="web",namespace="team-a"} 1796360767
                m{name="api",namespace="team-a"} 0.25
                m NaN
                """);
    }

    @Test
    void oddLabelPairsAreRejected() {
        assertThatThrownBy(() -> PrometheusText.Sample.of(1, "name"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names and values");
    }

    @Test
    void timestampsAreWrittenAsWholeNumbers() {
        assertThat(PrometheusText.formatValue(1_796_360_767)).isEqualTo("1796360767");
    }

    @Test
    void fractionsKeepTheirDigits() {
        assertThat(PrometheusText.formatValue(0.25)).isEqualTo("0.25");
    }

    @Test
    void familyWithoutSamplesKeepsHeader() {
        String text = PrometheusText.write(List.of(new PrometheusText.Family("m", "h", "gauge", List.of())));

        assertThat(text).isEqualTo("# HELP m h\n# TYPE m gauge\n");
    }

    @Test
    void summarySamplesAppendNameSuffix() {
        String text = PrometheusText.write(List.of(new PrometheusText.Family("latency", "h", "summary", List.of(
                PrometheusText.Sample.withSuffix("", 0.25, "action", "get_order", "quantile", "0.5"),
                PrometheusText.Sample.withSuffix("_sum", 0.75, "action", "get_order"),
                PrometheusText.Sample.withSuffix("_count", 3, "action", "get_order")))));

        assertThat(text).isEqualTo("""
                # HELP latency h
                # TYPE latency summary
                latency{action="get_order",quantile="0.5"} 0.25
                latency_sum{action="get_order"} 0.75
                latency_count{action="get_order"} 3
                """);
    }
}
