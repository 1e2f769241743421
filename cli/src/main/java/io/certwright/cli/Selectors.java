package io.certwright.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Equality-based label selectors ({@code key=value,key2=value2}), the subset of kubectl's syntax renew needs. */
final class Selectors {
    private Selectors() {
    }

    static Map<String, String> parse(String selector) {
        Map<String, String> required = new LinkedHashMap<>();
        for (String term : selector.split(",")) {
            String trimmed = term.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("==?", 2);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("label selector term \"" + trimmed
                        + "\" is not supported; write key=value terms separated by commas");
            }
            required.put(parts[0].trim(), parts[1].trim());
        }
        return required;
    }

    static boolean matches(Map<String, String> required, Map<String, String> labels) {
        for (Map.Entry<String, String> entry : required.entrySet()) {
            if (labels == null || !entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
