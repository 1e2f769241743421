package io.certwright.core.certificates.policies;

import java.util.Objects;

/**
 * A failed policy check: a CamelCase reason, used as a condition or event reason, and a
 * full-sentence message for users.
 */
public record Violation(String reason, String message) {

    public Violation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
