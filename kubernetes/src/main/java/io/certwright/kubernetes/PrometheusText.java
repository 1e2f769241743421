package io.certwright.kubernetes;

import java.util.List;

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

    /** Estimated characters per sample (a certificate sample has six labels), used only to size the output buffer. */
    private static final int ESTIMATED_SAMPLE_LENGTH = 200;

    /** One metric family: its name, HELP text, TYPE ({@code gauge}, {@code counter} or {@code summary}) and samples. */
    record Family(String name, String help, String type, List<Sample> samples) {
    }

    /**
     * One sample; labels are name and value pairs, written in order. The name suffix, such as {@code _sum} or
     * {@code _count} for a summary, is appended to the family name and is empty for most samples. A scrape
     * over 10,000 Certificates builds 70,000 samples, so the pairs array is kept as given and several samples
     * may share one. Callers must not change it afterwards.
     */
    record Sample(String nameSuffix, String[] labelPairs, double value) {
        private static final String[] NO_LABELS = {};

        Sample {
            if (labelPairs.length % 2 != 0) {
                throw new IllegalArgumentException("label pairs must be names and values, got " + labelPairs.length
                        + " strings");
            }
        }

        static Sample of(double value) {
            return new Sample("", NO_LABELS, value);
        }

        static Sample of(double value, String... labelPairs) {
            return new Sample("", labelPairs, value);
        }

        static Sample withSuffix(String nameSuffix, double value, String... labelPairs) {
            return new Sample(nameSuffix, labelPairs, value);
        }
    }

    private PrometheusText() {
    }

    static String write(List<Family> families) {
        int samples = families.stream().mapToInt(family -> family.samples().size()).sum();
        StringBuilder out = new StringBuilder(1024 + samples * ESTIMATED_SAMPLE_LENGTH);
        for (Family family : families) {
            out.append("# HELP ").append(family.name()).append(' ').append(escapeHelp(family.help())).append('\n');
            out.append("# TYPE ").append(family.name()).append(' ').append(family.type()).append('\n');
            for (Sample sample : family.samples()) {
                out.append(family.name()).append(sample.nameSuffix());
                String[] labels = sample.labelPairs();
                if (labels.length > 0) {
                    out.append('{');
                    for (int i = 0; i < labels.length; i += 2) {
                        if (i > 0) {
                            out.append(',');
                        }
                        out.append(labels[i]).append("=\"");
                        appendLabelValue(out, labels[i + 1]);
                        out.append('"');
                    }
                    out.append('}');
                }
                out.append(' ');
                appendValue(out, sample.value());
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void appendValue(StringBuilder out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.append((long) value);
        } else {
            out.append(formatValue(value));
        }
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

    /** Appends a label value with backslash, double quote and line feed escaped. */
    private static void appendLabelValue(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }

    private static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
