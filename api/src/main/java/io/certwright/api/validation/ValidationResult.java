package io.certwright.api.validation;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Outcome of validating one object: every field error found (the object is rejected when there is
 * at least one) and the admission warnings to show even when it is accepted.
 */
public record ValidationResult(List<FieldError> errors, List<String> warnings) {

    public ValidationResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public static ValidationResult of(List<FieldError> errors) {
        return new ValidationResult(errors, List.of());
    }

    /** Returns whether there are no errors; warnings do not count. */
    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Returns the errors joined as Kubernetes joins an aggregate: {@code [a, b]}, or the single error alone. */
    public String message() {
        if (errors.size() == 1) {
            return errors.get(0).toString();
        }
        return errors.stream().map(FieldError::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
