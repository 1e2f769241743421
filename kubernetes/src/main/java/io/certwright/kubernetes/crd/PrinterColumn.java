package io.certwright.kubernetes.crd;

/**
 * A column of {@code kubectl get}.
 *
 * @param name column header
 * @param type OpenAPI type of the value: {@code string}, {@code date}, ...
 * @param jsonPath JSONPath into the object
 * @param priority 0 for the default view, 1 for {@code -o wide} only
 */
public record PrinterColumn(String name, String type, String jsonPath, int priority) {
    static final String READY_STATUS = ".status.conditions[?(@.type == \"Ready\")].status";
    static final String READY_MESSAGE = ".status.conditions[?(@.type == \"Ready\")].message";

    static PrinterColumn string(String name, String jsonPath) {
        return new PrinterColumn(name, "string", jsonPath, 0);
    }

    static PrinterColumn wide(String name, String jsonPath) {
        return new PrinterColumn(name, "string", jsonPath, 1);
    }

    static PrinterColumn age() {
        return new PrinterColumn("Age", "date", ".metadata.creationTimestamp", 0);
    }
}
