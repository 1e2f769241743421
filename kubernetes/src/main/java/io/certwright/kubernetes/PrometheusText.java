package io.certwright.kubernetes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes metric families in the Prometheus text exposition format 0.0.4.
 *
 * <p>Written by hand rather than with prometheus-metrics 1.x, because that library appends
 * {@code _total} to every counter name and cert-manager's counters
 * ({@code certmanager_controller_sync_call_count}, {@code certmanager_clock_time_seconds}) have none.
 */
final class PrometheusText {
    /** Media type of the format. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** One metric family: its name, HELP text, TYPE ({@code gauge}, {@code counter} or {@code summary}) and samples. */
    record Family(String name, String help, String type, List<Sample> samples) {
    }

    /**
     * One sample; labels are written in the map's order. The name suffix, such as {@code _sum} or {@code _count}
     * for a summary, is appended to the family name and is empty for most samples.
     */
    record Sample(String nameSuffix, Map<String, String> labels, double value) {
        static Sample of(double value) {
            return new Sample("", Map.of(), value);
        }

        static Sample of(double value, String... labelPairs) {
            return withSuffix("", value, labelPairs);
        }

        static Sample withSuffix(String nameSuffix, double value, String... labelPairs) {
            Map<String, String> labels = new LinkedHashMap<>();
            for (int i = 0; i + 1 < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Sample(nameSuffix, labels, value);
        }
    }

    private PrometheusText() {
    }

    static String write(List<Family> families) {
        StringBuilder out = new StringBuilder();
        for (Family family : families) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            for (Sample sample : family.samples()) {
                out.append(family.name()).append(sample.nameSuffix());
                if (!sample.labels().isEmpty()) {
                    out.append('{');
                    boolean first = true;
                    for (Map.Entry<String, String> label : sample.labels().entrySet()) {
                        if (!first) {
                            out.append(',');
                        }
                        first = false;
                        out.append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
                    }
                    out.append('}');
                }
                out.append(' ').append(formatValue(sample.value())).append('\n');
            }
        }
        return out.toString();
    }

    /** Formats whole numbers without a fraction, so that Unix timestamps stay exact and readable. */
    static String formatValue(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
