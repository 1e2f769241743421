package io.certwright.local;

import java.nio.file.Path;

/**
 * One problem with the input directory, worded for the person who wrote the manifests.
 *
 * @param file the manifest file, relative to the manifest directory where possible
 * @param document 1-based position of the YAML document in the file, or 0 when the problem concerns the whole file
 * @param object the object, as {@code Kind namespace/name}, or empty when it could not be identified
 * @param field the field path, such as {@code spec.dnsNames[0]}, or empty
 * @param message what is wrong
 * @param fix what to change
 */
public record InputProblem(Path file, int document, String object, String field, String message, String fix) {
    /** Returns the problem as one line: {@code file (document N): Kind ns/name: field: message. Fix: ...}. */
    public String describe() {
        StringBuilder line = new StringBuilder();
        line.append(file);
        if (document > 0) {
            line.append(" (document ").append(document).append(')');
        }
        line.append(": ");
        if (!object.isEmpty()) {
            line.append(object).append(": ");
        }
        if (!field.isEmpty()) {
            line.append(field).append(": ");
        }
        line.append(message);
        if (!fix.isEmpty()) {
            line.append(message.endsWith(".") ? " " : ". ").append("Fix: ").append(fix);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
