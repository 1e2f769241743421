package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextTest {
    @Test
    void counterKeepsNameWithoutTotalSuffix() {
        String text = text(List.of(new PrometheusText.Family("certmanager_controller_sync_call_count",
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
        String text = text(List.of(new PrometheusText.Family("m", "h", "gauge",
                List.of(PrometheusText.Sample.of(1, "name", "a\"b\\c\nd")))));

        assertThat(text).contains("m{name=\"a\\\"b\\\\c\\nd\"} 1\n");
    }

    @Test
    void samplesWriteValuesAndLabelsInOrder() {
        String text = text(List.of(new PrometheusText.Family("m", "h", "gauge", List.of(
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {0, -0.0, 1, -1, 1_796_119_200, 1.7e9, 0.25, 1.5e-5, 999_999_999_999_999.0, 1e15, -1e15,
        1e300, Long.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void writtenValueMatchesFormatValue(double value) {
        ResponseBody body = new ResponseBody(4);

        PrometheusText.writeValue(body, value);

        assertThat(body.toString()).isEqualTo(PrometheusText.formatValue(value));
    }

    @Test
    void plainLabelValueIsNotCopied() {
        String value = "cert-manager.io";

        assertThat(PrometheusText.escapeLabelValue(value)).isSameAs(value);
    }

    @Test
    void escapeLabelValueEscapesSpecialCharacters() {
        assertThat(PrometheusText.escapeLabelValue("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void familyWithoutSamplesKeepsHeader() {
        String text = text(List.of(new PrometheusText.Family("m", "h", "gauge", List.of())));

        assertThat(text).isEqualTo("# HELP m h\n# TYPE m gauge\n");
    }

    @Test
    void summarySamplesAppendNameSuffix() {
        String text = text(List.of(new PrometheusText.Family("latency", "h", "summary", List.of(
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

    private static String text(List<PrometheusText.Family> families) {
        ResponseBody body = new ResponseBody();
        PrometheusText.write(body, families);
        return body.toString();
    }
}
