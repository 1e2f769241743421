package io.certwright.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The last output line of a benchmark run: {@code key=value} pairs separated by single spaces, in the
 * order they were added, so that scripts can split it without a parser. Values must not contain spaces.
 */
final class Summary {
    private final Map<String, String> values = new LinkedHashMap<>();

    Summary put(String key, String value) {
        if (value.isEmpty() || value.contains(" ") || value.contains("=")) {
            throw new IllegalArgumentException("summary value of " + key + " must be non-empty without spaces or '=': "
                    + value);
        }
        values.put(key, value);
        return this;
    }

    Summary put(String key, long value) {
        return put(key, Long.toString(value));
    }

    /** Adds {@code value} with {@code decimals} digits after the point, or {@code nan} when it is not finite. */
    Summary put(String key, double value, int decimals) {
        if (!Double.isFinite(value)) {
            return put(key, "nan");
        }
        return put(key, String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    String line() {
        StringBuilder line = new StringBuilder();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(entry.getKey()).append('=').append(entry.getValue());
        }
        return line.toString();
    }

    /** Parses a line written by {@link #line()}. */
    static Map<String, String> parse(String line) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String pair : line.trim().split(" ")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("not a key=value pair: " + pair);
            }
            parsed.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parsed;
    }
}
