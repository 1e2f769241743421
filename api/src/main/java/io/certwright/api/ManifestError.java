package io.certwright.api;

import io.certwright.api.validation.FieldError;
import java.nio.file.Path;

/**
 * One problem found while loading manifests: the file, the 1-based document number within it,
 * the line and column when the YAML parser reported them, and a message that states what is wrong.
 *
 * @param source the file, as reached from the directory the caller passed
 * @param document the 1-based document number in the file, or 0 when the whole file failed (for example unreadable)
 * @param line the 1-based line in the file, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 * @param message what is wrong
 * @param fieldError the validation error behind the message, or null when the problem is not a field error
 * @param fix what to change, specific to the rule that failed, or empty when the message already states it or
 *     no specific fix is known
 */
public record ManifestError(Path source, int document, int line, int column, String message, FieldError fieldError,
        String fix) {

    public ManifestError {
        fix = fix == null ? "" : fix;
    }

    /** Creates an error whose message needs no separate fix. */
    public ManifestError(Path source, int document, int line, int column, String message, FieldError fieldError) {
        this(source, document, line, column, message, fieldError, "");
    }

    /** Formats as {@code file document N[, line L, column C]: message[. Fix: fix]}. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(String.valueOf(source));
        if (document > 0) {
            out.append(" document ").append(document);
        }
        if (line > 0) {
            out.append(document > 0 ? ", line " : " line ").append(line);
            if (column > 0) {
                out.append(", column ").append(column);
            }
        }
        out.append(": ").append(message);
        if (!fix.isEmpty()) {
            out.append(message.endsWith(".") || message.endsWith("?") ? " " : ". ").append("Fix: ").append(fix);
        }
        return out.toString();
    }
}
