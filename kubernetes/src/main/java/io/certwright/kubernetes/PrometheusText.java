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

    private static final byte[] QUOTE_AFTER_EQUALS = {'=', '"'};

    /** One metric family: its name, HELP text, TYPE ({@code gauge}, {@code counter} or {@code summary}) and samples. */
    record Family(String name, String help, String type, List<Sample> samples) {
    }

    /**
     * One sample; labels are name and value pairs, written in order. The name suffix, such as {@code _sum} or
     * {@code _count} for a summary, is appended to the family name and is empty for most samples. The pairs
     * array is kept as given, so several samples may share one, and callers must not change it afterwards.
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

    /** Appends the families in order, each with its HELP and TYPE lines and then its samples. */
    static void write(ResponseBody out, List<Family> families) {
        for (Family family : families) {
            writeHeader(out, family.name(), family.help(), family.type());
            for (Sample sample : family.samples()) {
                out.appendUtf8(family.name());
                out.appendUtf8(sample.nameSuffix());
                String[] labels = sample.labelPairs();
                if (labels.length > 0) {
                    out.append((byte) '{');
                    for (int i = 0; i < labels.length; i += 2) {
                        if (i > 0) {
                            out.append((byte) ',');
                        }
                        out.appendUtf8(labels[i]);
                        out.append(QUOTE_AFTER_EQUALS);
                        out.appendUtf8(escapeLabelValue(labels[i + 1]));
                        out.append((byte) '"');
                    }
                    out.append((byte) '}');
                }
                out.append((byte) ' ');
                writeValue(out, sample.value());
                out.append((byte) '\n');
            }
        }
    }

    /** Appends a family's HELP and TYPE lines. */
    static void writeHeader(ResponseBody out, String name, String help, String type) {
        out.appendUtf8("# HELP ");
        out.appendUtf8(name);
        out.append((byte) ' ');
        out.appendUtf8(escapeHelp(help));
        out.appendUtf8("\n# TYPE ");
        out.appendUtf8(name);
        out.append((byte) ' ');
        out.appendUtf8(type);
        out.append((byte) '\n');
    }

    /** Appends a sample value as {@link #formatValue} formats it, writing whole numbers without a String. */
    static void writeValue(ResponseBody out, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            out.appendDecimal((long) value);
        } else {
            out.appendUtf8(formatValue(value));
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

    /**
     * Returns a label value with backslash, double quote and line feed escaped, or the value itself when it
     * contains none of them.
     */
    static String escapeLabelValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '"' || c == '\n') {
                StringBuilder escaped = new StringBuilder(value.length() + 8);
                appendLabelValue(escaped, value);
                return escaped.toString();
            }
        }
        return value;
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
